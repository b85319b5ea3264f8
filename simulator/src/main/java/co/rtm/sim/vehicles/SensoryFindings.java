package co.rtm.sim.vehicles;

import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.rules.CatalogueEntry;
import co.rtm.profiles.rules.DefectCatalogue;
import co.rtm.profiles.rules.DefectType;
import co.rtm.profiles.vehicle.Fuel;
import co.rtm.profiles.vehicle.Service;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the inspector sees: sensory-review codes taken from the rulebook's own catalogue, only those listed for
 * the vehicle's kind (so a motorcycle never gets a car's trunk defect), never those art. 3.3.9.6 waives for an
 * electric vehicle, and not the hearing-loss aids of art. 3.3.4.5, which concern few drivers. Type B findings
 * (body corrosion, bumpers, steering boots) are common; type A ones (cracked windscreen, no mirrors) rare.
 */
final class SensoryFindings {
    private final Map<VehicleKind, List<CatalogueEntry>> typeA = new EnumMap<>(VehicleKind.class);
    private final Map<VehicleKind, List<CatalogueEntry>> typeB = new EnumMap<>(VehicleKind.class);

    SensoryFindings(DefectCatalogue catalogue) {
        for (VehicleKind kind : VehicleKind.values()) {
            List<CatalogueEntry> sensory = catalogue.entries().stream()
                    .filter(e -> e.test() == TestKind.SENSORY && e.kinds().contains(kind)).toList();
            typeA.put(kind, sensory.stream().filter(e -> e.type() == DefectType.A).toList());
            typeB.put(kind, sensory.stream().filter(e -> e.type() == DefectType.B).toList());
        }
    }

    List<String> draw(Dice dice, DrawnVehicle d) {
        Vehicle v = d.vehicle();
        Set<String> codes = new LinkedHashSet<>();
        if (dice.chance(Rates.SENSORY_A * d.failFactor())) pick(dice, typeA.get(v.kind()), v).ifPresent(codes::add);
        // Type B findings: usually none, sometimes one, rarely several; each further one less likely than the last.
        double p = Rates.SENSORY_B * d.failFactor();
        for (int i = 0; i < 6 && dice.chance(p); i++, p *= 0.7) pick(dice, typeB.get(v.kind()), v).ifPresent(codes::add);
        return List.copyOf(codes);
    }

    private static Optional<String> pick(Dice dice, List<CatalogueEntry> entries, Vehicle v) {
        List<CatalogueEntry> allowed = new ArrayList<>(entries.size());
        for (CatalogueEntry e : entries) {
            if (v.fuel() == Fuel.ELECTRIC && e.electricExempt()) continue;
            // Power windows are judged on private vehicles only (1.1.1.6.6).
            if (e.code().equals("1.1.1.6.6") && v.service() != Service.PARTICULAR) continue;
            allowed.add(e);
        }
        return allowed.isEmpty() ? Optional.empty() : Optional.of(dice.pick(allowed).code());
    }
}
