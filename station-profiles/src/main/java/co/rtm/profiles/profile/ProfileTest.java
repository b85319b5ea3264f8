package co.rtm.profiles.profile;

import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.Fuel;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;

import java.util.List;

/**
 * One test of a lane, in the lane's order, and the vehicles it is required for. Empty filters match every
 * vehicle; {@code onlyWithTaximeter} requires it only when a taximeter is fitted.
 */
public record ProfileTest(TestKind test, List<VehicleKind> kinds, List<Fuel> fuels, boolean onlyWithTaximeter) {
    public ProfileTest {
        if (test == null) throw new IllegalArgumentException("'test' is required");
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        fuels = fuels == null ? List.of() : List.copyOf(fuels);
    }

    public boolean requiredFor(Vehicle v) {
        return (kinds.isEmpty() || kinds.contains(v.kind()))
                && (fuels.isEmpty() || fuels.contains(v.fuel()))
                && (!onlyWithTaximeter || v.hasTaximeter());
    }
}
