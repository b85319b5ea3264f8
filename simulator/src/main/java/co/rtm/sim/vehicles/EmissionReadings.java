package co.rtm.sim.vehicles;

import co.rtm.profiles.inspection.OpacityUnit;
import co.rtm.profiles.rules.GasLimit;
import co.rtm.profiles.rules.OpacityLimit;
import co.rtm.profiles.rules.RuleBook;
import co.rtm.profiles.vehicle.Fuel;
import co.rtm.profiles.vehicle.Vehicle;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static co.rtm.sim.vehicles.Dice.round;

/**
 * Gas analyser (idle and cruise for cars, idle for motorcycles, with oil temperature), opacimeter (sets of three
 * peaks in k) and sound level meter readings. Pollutants are drawn as a fraction of the limit the rulebook sets
 * for the vehicle and regime, so the generated fleet keeps its pass rate when a table changes: catalysed cars sit
 * far below it, carburetted and 2-stroke engines closer, faulty ones clearly above.
 */
final class EmissionReadings {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RuleBook rules;

    EmissionReadings(RuleBook rules) {
        this.rules = rules;
    }

    ObjectNode gas(Dice dice, DrawnVehicle d, String regime) {
        Vehicle v = d.vehicle();
        boolean moto = v.kind().isMotorcycleFamily();
        boolean twoStroke = v.engineStrokes().orElse(4) == 2;
        GasLimit limit = rules.gasLimit(regime, v).orElseThrow(() -> new IllegalStateException(
                "no gas limit in " + rules.ref() + " for " + v + " under " + regime));
        double minOil = moto ? rules.procedures().gasOilTempMinCMotorcycle() : rules.procedures().gasOilTempMinCCar();
        double oil = dice.chance(Rates.GAS_COLD_OIL) ? dice.uniform(minOil - 15, minOil - 1) : dice.uniform(minOil + 5, minOil + 38);

        boolean catalysed = !moto && v.modelYear() >= 1998;
        double healthyTop = catalysed ? 0.35 : twoStroke ? 0.8 : 0.65;
        boolean over = dice.chance(Rates.GAS_OVER_LIMIT * d.failFactor());
        // Which pollutant breaks the limit: CO (rich mixture), HC (misfire, worn rings), or both.
        int overWhich = over ? dice.nextInt(3) : -1;
        double coIdle = limit.coPct() * (overWhich == 0 || overWhich == 2 ? dice.uniform(1.15, 2.2) : dice.uniform(0.02, healthyTop));
        double hcIdle = limit.hcPpm() * (overWhich == 1 || overWhich == 2 ? dice.uniform(1.15, 2.5) : dice.uniform(0.03, healthyTop));
        boolean diluted = dice.chance(Rates.GAS_DILUTED * d.failFactor());

        ObjectNode gas = JSON.objectNode();
        gas.put("oilTempC", round(oil, 1));
        gas.set("idle", phase(dice, v, twoStroke, moto ? dice.uniform(1100, 1600) : dice.uniform(700, 950), coIdle, hcIdle, diluted));
        if (!moto) {
            gas.set("cruise", phase(dice, v, false, dice.uniform(2350, 2650), coIdle * dice.uniform(0.4, 1.0),
                    hcIdle * dice.uniform(0.4, 1.0), diluted));
        }
        return gas;
    }

    private static ObjectNode phase(Dice dice, Vehicle v, boolean twoStroke, double rpm, double co, double hc, boolean diluted) {
        boolean gaseous = v.fuel() == Fuel.GNV || v.fuel() == Fuel.GLP;
        double co2 = gaseous ? dice.uniform(9.5, 12) : v.kind().isMotorcycleFamily() ? dice.uniform(twoStroke ? 7.8 : 9, 13.5) : dice.uniform(12.5, 15.2);
        double o2 = v.kind().isMotorcycleFamily() ? dice.uniform(twoStroke ? 2 : 0.5, twoStroke ? 4.6 : 4) : dice.uniform(0.1, 1.8);
        if (diluted) {
            // A leaking probe or exhaust: air in the sample, CO2 falls and O2 rises.
            co2 = dice.uniform(3.5, 6.8);
            o2 = dice.uniform(5.4, 9);
        }
        return JSON.objectNode().put("rpm", Math.round(rpm)).put("coPct", round(co, 2)).put("co2Pct", round(co2, 1))
                .put("o2Pct", round(o2, 2)).put("hcPpm", Math.round(hc));
    }

    /**
     * Free-acceleration opacity (NTC 4231), in k (m^-1) whatever the regime's table unit. Sometimes the first set
     * scatters and is repeated; rarely three sets scatter, or the zero drifts (the test is then invalid).
     */
    ObjectNode opacity(Dice dice, DrawnVehicle d, String regime) {
        Vehicle v = d.vehicle();
        OpacityLimit limit = rules.opacityLimit(regime, v).orElseThrow(() -> new IllegalStateException(
                "no opacity limit in " + rules.ref() + " for " + v + " under " + regime));
        double limitK = limit.unit().convert(limit.limit(), OpacityUnit.K);
        double meanK = limitK * (dice.chance(Rates.OPACITY_OVER_LIMIT * d.failFactor()) ? dice.uniform(1.2, 1.8)
                : dice.uniform(0.05, v.modelYear() >= 2010 ? 0.35 : 0.6));
        double maxSpread = rules.procedures().opacityPeakSpreadMaxK();

        ArrayNode sets = JSON.arrayNode();
        boolean threeInvalid = dice.chance(Rates.OPACITY_THREE_INVALID_SETS * d.failFactor());
        int scattered = threeInvalid ? 3 : dice.chance(Rates.OPACITY_SET_REPEATED) ? 1 : 0;
        for (int i = 0; i < scattered; i++) sets.add(peaks(dice, meanK, dice.uniform(maxSpread + 0.15, maxSpread + 1.2)));
        if (!threeInvalid) sets.add(peaks(dice, meanK, dice.uniform(0, maxSpread - 0.15)));

        double driftMax = rules.procedures().opacityZeroDriftMaxK();
        double drift = dice.chance(Rates.OPACITY_ZERO_DRIFT) ? dice.sign() * dice.uniform(driftMax + 0.02, 0.4) : dice.uniform(-0.08, 0.08);
        double governed = dice.chance(Rates.OPACITY_GOVERNED_SLOW * d.failFactor()) ? dice.uniform(5.3, 9) : dice.uniform(0.8, 3.5);
        ObjectNode opacity = JSON.objectNode().put("unit", OpacityUnit.K.json()).put("governedSpeedReachedS", round(governed, 1));
        opacity.set("sets", sets);
        return opacity.put("zeroDriftK", round(drift, 2));
    }

    /** Three peaks around {@code meanK}, {@code spread} apart between the lowest and the highest, mean kept. */
    private static ArrayNode peaks(Dice dice, double meanK, double spread) {
        double low = Math.max(0.02, meanK - spread / 2);
        double high = low + spread;
        double middle = Math.max(low, Math.min(high, 3 * meanK - low - high));
        ArrayNode set = JSON.arrayNode(3);
        double[] order = dice.chance(0.5) ? new double[]{high, middle, low} : new double[]{middle, low, high};
        for (double p : order) set.add(round(p, 2));
        return set;
    }

    /** Sound level at the exhaust, dB(A): informative only (DESIGN §5). */
    static ObjectNode noise(Dice dice, DrawnVehicle d) {
        double dBA = switch (d.vehicle().kind()) {
            case LIGHT -> dice.uniform(72, 90);
            case HEAVY -> dice.uniform(80, 98);
            case MOTORCYCLE, MOTOCARRO -> dice.uniform(78, 99);
        };
        return JSON.objectNode().put("dBA", round(dBA, 1));
    }
}
