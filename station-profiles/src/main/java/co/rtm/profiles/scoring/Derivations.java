package co.rtm.profiles.scoring;

import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.OpacityUnit;
import co.rtm.profiles.rules.GasLimit;
import co.rtm.profiles.rules.OpacityLimit;
import co.rtm.profiles.rules.Procedures;
import co.rtm.profiles.rules.Quantities;
import co.rtm.profiles.rules.RuleBook;
import co.rtm.profiles.vehicle.Vehicle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Pure functions from one test's raw readings to the quantities the rulebook's checks judge. */
final class Derivations {
    private Derivations() {}

    /** Efficiency {@code 100·ΣF/ΣW} and per-axle imbalance {@code 100·(max−min)/max} (NTC 5375; SART Frenos). */
    static TestReading brakes(Measurements.Brakes b, Vehicle v) {
        TestReading r = new TestReading();
        double weight = 0, service = 0, parking = 0;
        boolean anyParking = false;
        List<Item> imbalance = new ArrayList<>();
        for (int i = 0; i < b.axles().size(); i++) {
            Measurements.BrakeAxle a = b.axles().get(i);
            weight += a.weightN();
            if (v.kind().isMotorcycleFamily()) {
                service += a.serviceN().orElseThrow();
                continue;
            }
            double left = a.serviceLeftN().orElseThrow(), right = a.serviceRightN().orElseThrow();
            service += left + right;
            double max = Math.max(left, right);
            // An axle that brakes with neither wheel has no imbalance; its efficiency is what fails it.
            imbalance.add(new Item("eje " + (i + 1), max == 0 ? 0 : 100 * (max - Math.min(left, right)) / max));
            if (a.parkingLeftN().isPresent()) {
                anyParking = true;
                parking += a.parkingLeftN().getAsDouble() + a.parkingRightN().getAsDouble();
            }
        }
        r.put(Quantities.BRAKE_SERVICE_EFFICIENCY, "", 100 * service / weight);
        if (!v.kind().isMotorcycleFamily()) {
            r.put(Quantities.BRAKE_IMBALANCE, imbalance);
            if (anyParking) r.put(Quantities.BRAKE_PARKING_EFFICIENCY, "", 100 * parking / weight);
        }
        return r;
    }

    static TestReading suspension(Measurements.Suspension s) {
        return new TestReading().put(Quantities.SUSPENSION_ADHERENCE,
                s.wheels().stream().map(w -> new Item("rueda " + w.position(), w.adherencePct())).toList());
    }

    static TestReading sideslip(Measurements.Sideslip s) {
        List<Item> first = new ArrayList<>(), others = new ArrayList<>();
        for (Measurements.SideslipAxle a : s.axles()) {
            (a.axle() == 1 ? first : others).add(new Item("eje " + a.axle(), a.mPerKm()));
        }
        TestReading r = new TestReading();
        if (first.isEmpty()) r.invalid("the first axle was not measured");
        return r.put(Quantities.SIDESLIP_FIRST_AXLE, first).put(Quantities.SIDESLIP_OTHER_AXLES, others);
    }

    static TestReading lights(Measurements.Lights l) {
        List<Item> intensity = new ArrayList<>(), inclination = new ArrayList<>();
        for (Measurements.LowBeam b : l.lowBeams()) {
            String label = "luz baja " + switch (b.side()) {
                case "left" -> "izquierda";
                case "right" -> "derecha";
                default -> "central";
            };
            intensity.add(new Item(label, b.intensityKlux()));
            inclination.add(new Item(label, b.inclinationPct()));
        }
        TestReading r = new TestReading().put(Quantities.LOW_BEAM_INTENSITY, intensity).put(Quantities.LOW_BEAM_INCLINATION, inclination);
        l.simultaneousSumKlux().ifPresent(sum -> r.put(Quantities.LIGHTS_SUM, "", sum));
        return r;
    }

    static TestReading tyres(Measurements.Tyres t) {
        return new TestReading().put(Quantities.TYRE_MIN_TREAD, "",
                t.treadDepthsMm().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    }

    static TestReading taximeter(Measurements.Taximeter t) {
        return new TestReading().put(Quantities.TAXIMETER_DISTANCE, "", t.distanceErrorPct())
                .put(Quantities.TAXIMETER_TIME, "", t.timeErrorPct());
    }

    static TestReading noise(Measurements.Noise n) {
        return new TestReading().put(Quantities.NOISE, "", n.dBA());
    }

    /**
     * Gas analyser. Invalid (never passed) when the oil is colder than the procedure minimum, or a phase is
     * missing: cars are measured at idle and cruise (NTC 4983), motorcycles at idle only (NTC 5365).
     */
    static TestReading gas(Measurements.Gas g, Vehicle v, RuleBook rules, String regime) {
        TestReading r = new TestReading();
        Procedures p = rules.procedures();
        boolean moto = v.kind().isMotorcycleFamily();
        double minOil = moto ? p.gasOilTempMinCMotorcycle() : p.gasOilTempMinCCar();
        if (g.oilTempC().isEmpty()) {
            r.invalid("engine oil temperature not recorded");
        } else if (g.oilTempC().getAsDouble() < minOil) {
            r.invalid(String.format(Locale.ROOT, "engine oil at %.1f °C, below the procedure minimum of %.0f °C (%s)",
                    g.oilTempC().getAsDouble(), minOil, moto ? "NTC 5365" : "NTC 4983"));
        }
        if (g.idle() == null) r.invalid("idle phase not measured");
        if (!moto && g.cruise() == null) r.invalid("cruise phase not measured");
        Optional<GasLimit> limit = regime == null ? Optional.empty() : rules.gasLimit(regime, v);
        if (limit.isEmpty()) r.invalid("no gas limit in " + rules.ref() + " for a " + v.modelYear() + " " + v.kind().json() + " under " + regime);
        if (r.isInvalid()) return r;
        List<Measurements.GasPhase> phases = new ArrayList<>(List.of(g.idle()));
        List<String> labels = new ArrayList<>(List.of("ralentí"));
        if (!moto) {
            phases.add(g.cruise());
            labels.add("crucero");
        }
        List<Item> co = new ArrayList<>(), hc = new ArrayList<>(), co2 = new ArrayList<>(), o2 = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            Measurements.GasPhase ph = phases.get(i);
            String label = labels.get(i);
            co.add(new Item(label, ph.coPct()));
            hc.add(new Item(label, ph.hcPpm()));
            co2.add(new Item(label, ph.co2Pct()));
            o2.add(new Item(label, ph.o2Pct()));
        }
        r.put(Quantities.GAS_CO, co).put(Quantities.GAS_HC, hc).put(Quantities.GAS_CO2, co2).put(Quantities.GAS_O2, o2);
        r.tableLimits.put("coPct", limit.get().coPct());
        r.tableLimits.put("hcPpm", limit.get().hcPpm());
        return r;
    }

    /**
     * Opacimeter, NTC 4231. Sets are taken in order: a set whose peak spread exceeds the maximum (in m⁻¹) is
     * invalid and repeated; the first valid set's mean is judged, each peak converted to the table's unit first;
     * reaching the invalid-set count stops the test (a type A defect). Zero drift above its maximum invalidates
     * the measurement.
     */
    static TestReading opacity(Measurements.Opacity o, Vehicle v, RuleBook rules, String regime) {
        TestReading r = new TestReading();
        Procedures p = rules.procedures();
        o.governedSpeedReachedS().ifPresent(s -> r.put(Quantities.OPACITY_GOVERNED, "", s));
        int invalidSets = 0;
        List<Double> valid = null;
        for (List<Double> set : o.sets()) {
            if (invalidSets >= p.opacityInvalidSetsToReject()) break;
            double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
            for (double peak : set) {
                double k = o.unit().convert(peak, OpacityUnit.K);
                min = Math.min(min, k);
                max = Math.max(max, k);
            }
            if (max - min > p.opacityPeakSpreadMaxK()) {
                invalidSets++;
            } else {
                valid = set;
                break;
            }
        }
        r.put(Quantities.OPACITY_INVALID_SETS, "", invalidSets);
        if (valid == null) {
            // Stopped by the invalid-set rule: there is no mean to judge, and that is the defect, not a gap.
            r.put(Quantities.OPACITY_MEAN, List.of());
            if (invalidSets < p.opacityInvalidSetsToReject()) {
                r.invalid(invalidSets + " invalid set(s) and no valid set of three peaks (NTC 4231 requires a repeat)");
            }
            return r;
        }
        if (o.zeroDriftK().isPresent() && Math.abs(o.zeroDriftK().getAsDouble()) > p.opacityZeroDriftMaxK()) {
            return r.invalid(String.format(Locale.ROOT, "zero drift %.2f m-1 exceeds %.2f m-1 (NTC 4231 num. 3.2.5 a)",
                    o.zeroDriftK().getAsDouble(), p.opacityZeroDriftMaxK()));
        }
        Optional<OpacityLimit> limit = regime == null ? Optional.empty() : rules.opacityLimit(regime, v);
        if (limit.isEmpty()) {
            return r.invalid("no opacity limit in " + rules.ref() + " for a " + v.modelYear() + " vehicle under " + regime);
        }
        OpacityUnit unit = limit.get().unit();
        double mean = valid.stream().mapToDouble(x -> o.unit().convert(x, unit)).average().orElseThrow();
        r.put(Quantities.OPACITY_MEAN, "", mean);
        r.tableLimits.put("opacity", limit.get().limit());
        r.tableUnit = unit == OpacityUnit.K ? "m-1" : "%";
        return r;
    }
}
