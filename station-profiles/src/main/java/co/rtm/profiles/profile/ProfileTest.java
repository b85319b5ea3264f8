package co.rtm.profiles.profile;

import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.Fuel;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;

import java.util.List;

/**
 * One test of a lane, in the lane's order, and the vehicles it is required for. Empty filters match every
 * vehicle; {@code onlyWithTaximeter} requires it only when a taximeter is fitted. {@code minimumSeconds}, when
 * set, is the shortest an instrument's raw series of this test may last before the hub refuses the inspection as
 * implausible ({@code TOO_SHORT_TEST}); null: no minimum.
 */
public record ProfileTest(TestKind test, List<VehicleKind> kinds, List<Fuel> fuels, boolean onlyWithTaximeter,
                          Integer minimumSeconds) {
    public ProfileTest {
        if (test == null) throw new IllegalArgumentException("'test' is required");
        if (minimumSeconds != null && minimumSeconds < 1) throw new IllegalArgumentException("'minimumSeconds' must be at least 1");
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        fuels = fuels == null ? List.of() : List.copyOf(fuels);
    }

    public boolean requiredFor(Vehicle v) {
        return (kinds.isEmpty() || kinds.contains(v.kind()))
                && (fuels.isEmpty() || fuels.contains(v.fuel()))
                && (!onlyWithTaximeter || v.hasTaximeter());
    }
}
