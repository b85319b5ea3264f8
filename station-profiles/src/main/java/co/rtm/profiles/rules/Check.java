package co.rtm.profiles.rules;

import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.Fuel;
import co.rtm.profiles.vehicle.Service;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;

import java.util.List;

/**
 * One rule of the rulebook: a quantity the engine derives from a test's readings, which vehicles it applies
 * to, when it fails, and which catalogue defect it raises. {@code count} says whether each failing item
 * (axle, wheel, lamp) is one defect or the vehicle gets one defect for the whole check; checks sharing a
 * {@code group} raise at most one defect together (dilution: CO2 or O2).
 */
public record Check(String id, String quantity, List<VehicleKind> kinds, List<Fuel> fuels, List<Service> services,
                    Double grossWeightKgAtMost, Double grossWeightKgAbove, FailWhen fail, String defect,
                    Count count, String group, String unit, String description, String source, Confidence confidence) {

    public enum Count { item, vehicle }

    public Check {
        Require.present(id, "id");
        Require.present(quantity, "quantity");
        Require.check(Quantities.ALL.contains(quantity), "unknown quantity '" + quantity + "' (known: " + Quantities.ALL + ")");
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        fuels = fuels == null ? List.of() : List.copyOf(fuels);
        services = services == null ? List.of() : List.copyOf(services);
        Require.present(fail, "fail");
        Require.present(defect, "defect");
        Require.present(count, "count");
        Require.present(unit, "unit");
        Require.present(source, "source");
        Require.present(confidence, "confidence");
    }

    public TestKind test() { return Quantities.testOf(quantity); }

    /** Whether the check applies to this vehicle (empty filters match everything). */
    public boolean appliesTo(Vehicle v) {
        if (!kinds.isEmpty() && !kinds.contains(v.kind())) return false;
        if (!fuels.isEmpty() && !fuels.contains(v.fuel())) return false;
        if (!services.isEmpty() && !services.contains(v.service())) return false;
        if (grossWeightKgAtMost != null || grossWeightKgAbove != null) {
            double w = v.grossWeightKg().orElseThrow(() -> new MissingVehicleField("grossWeightKg", "the tread limit of check " + id));
            if (grossWeightKgAtMost != null && w > grossWeightKgAtMost) return false;
            if (grossWeightKgAbove != null && w <= grossWeightKgAbove) return false;
        }
        return true;
    }
}
