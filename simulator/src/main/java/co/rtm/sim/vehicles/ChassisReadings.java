package co.rtm.sim.vehicles;

import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static co.rtm.sim.vehicles.Dice.round;

/**
 * Roller brake tester, suspension tester, side-slip plate and tread gauge readings (DESIGN §5), healthy with a
 * margin from every limit unless a fault is drawn, and then clearly failing, so the defect rates stay what
 * {@link Rates} says. Vehicles are weighed unladen on the rollers.
 */
final class ChassisReadings {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final double G = 9.81;

    private ChassisReadings() {}

    static ObjectNode brakes(Dice dice, DrawnVehicle d) {
        return d.vehicle().kind().isMotorcycleFamily() ? motorcycleBrakes(dice, d) : fourWheelBrakes(dice, d);
    }

    private static ObjectNode fourWheelBrakes(Dice dice, DrawnVehicle d) {
        Vehicle v = d.vehicle();
        double f = d.failFactor();
        boolean heavy = v.kind() == VehicleKind.HEAVY;
        int axles = v.axles().orElse(2);
        double[] weights = axleWeightsN(dice, v.grossWeightKg().orElseThrow() * (heavy ? dice.uniform(0.35, 0.5) : dice.uniform(0.62, 0.78)),
                heavy ? dice.uniform(0.38, 0.5) : dice.uniform(0.55, 0.62), axles);
        double total = 0;
        for (double w : weights) total += w;

        double efficiency = dice.chance(Rates.SERVICE_EFFICIENCY_LOW * f) ? dice.uniform(28, 48)
                : heavy ? dice.uniform(53, 75) : dice.uniform(55, 85);
        double parkingEfficiency = dice.chance(Rates.PARKING_EFFICIENCY_LOW * f) ? dice.uniform(6, 17) : dice.uniform(21, 45);
        // The front axle does more of the braking than its share of the weight.
        double[] bias = new double[axles];
        double biasSum = 0;
        for (int i = 0; i < axles; i++) {
            bias[i] = weights[i] * (i == 0 ? 1.35 : 1.0);
            biasSum += bias[i];
        }
        double parkingAxleWeight = 0;
        for (int i = 1; i < axles; i++) parkingAxleWeight += weights[i];

        ArrayNode list = JSON.arrayNode(axles);
        for (int i = 0; i < axles; i++) {
            double force = efficiency / 100 * total * bias[i] / biasSum;
            double imbalance = dice.chance(Rates.AXLE_IMBALANCE_A * f) ? dice.uniform(32, 60)
                    : dice.chance(Rates.AXLE_IMBALANCE_B * f) ? dice.uniform(21, 29) : dice.uniform(0, 14);
            double[] lr = split(dice, force, imbalance);
            ObjectNode axle = list.addObject().put("weightN", Math.round(weights[i]))
                    .put("serviceLeftN", Math.round(lr[0])).put("serviceRightN", Math.round(lr[1]));
            if (i > 0) {
                double[] p = split(dice, parkingEfficiency / 100 * total * weights[i] / parkingAxleWeight, dice.uniform(0, 10));
                axle.put("parkingLeftN", Math.round(p[0])).put("parkingRightN", Math.round(p[1]));
            }
        }
        return JSON.objectNode().set("axles", list);
    }

    /** One entry per axle, {@code weightN} and {@code serviceN}: the front wheel brakes harder. */
    private static ObjectNode motorcycleBrakes(Dice dice, DrawnVehicle d) {
        Vehicle v = d.vehicle();
        boolean motocarro = v.kind() == VehicleKind.MOTOCARRO;
        double massKg = v.grossWeightKg().orElseThrow() * dice.uniform(0.6, 0.8);
        double[] weights = axleWeightsN(dice, massKg, motocarro ? dice.uniform(0.3, 0.4) : dice.uniform(0.42, 0.5), 2);
        double total = weights[0] + weights[1];
        double efficiency = dice.chance(Rates.MOTORCYCLE_EFFICIENCY_LOW * d.failFactor()) ? dice.uniform(10, 28) : dice.uniform(36, 75);
        double frontShare = motocarro ? dice.uniform(0.35, 0.45) : dice.uniform(0.55, 0.7);
        ArrayNode list = JSON.arrayNode(2);
        list.addObject().put("weightN", Math.round(weights[0])).put("serviceN", Math.round(efficiency / 100 * total * frontShare));
        list.addObject().put("weightN", Math.round(weights[1])).put("serviceN", Math.round(efficiency / 100 * total * (1 - frontShare)));
        return JSON.objectNode().set("axles", list);
    }

    private static double[] axleWeightsN(Dice dice, double massKg, double frontShare, int axles) {
        double[] w = new double[axles];
        w[0] = massKg * frontShare * G;
        for (int i = 1; i < axles; i++) w[i] = massKg * (1 - frontShare) / (axles - 1) * G * dice.uniform(0.95, 1.05);
        return w;
    }

    /** Left and right forces summing to {@code force} with {@code 100·(max−min)/max = imbalance}, stronger side at random. */
    private static double[] split(Dice dice, double force, double imbalancePct) {
        double max = force / (2 - imbalancePct / 100);
        double min = force - max;
        return dice.chance(0.5) ? new double[]{max, min} : new double[]{min, max};
    }

    /** EUSAMA adherence per wheel; a worn damper shows as one (sometimes two) wheels below 40 %. */
    static ObjectNode suspension(Dice dice, DrawnVehicle d) {
        List<String> positions = List.of("FL", "FR", "RL", "RR");
        int bad = dice.chance(Rates.SUSPENSION_WHEEL_LOW * d.failFactor()) ? dice.nextInt(4) : -1;
        int alsoBad = bad >= 0 && dice.chance(0.25) ? (bad ^ 1) : -1;
        ArrayNode wheels = JSON.arrayNode(4);
        for (int i = 0; i < 4; i++) {
            double adherence = i == bad || i == alsoBad ? dice.uniform(12, 38) : dice.uniform(46, 88);
            wheels.addObject().put("position", positions.get(i)).put("adherencePct", round(adherence, 0));
        }
        return JSON.objectNode().set("wheels", wheels);
    }

    /** Lateral deviation per axle, signed m/km. */
    static ObjectNode sideslip(Dice dice, DrawnVehicle d) {
        int axles = d.vehicle().axles().orElse(2);
        ArrayNode list = JSON.arrayNode(axles);
        for (int axle = 1; axle <= axles; axle++) {
            double rate = axle == 1 ? Rates.SIDESLIP_FIRST_AXLE : Rates.SIDESLIP_OTHER_AXLE;
            double slip = dice.chance(rate * d.failFactor()) ? dice.sign() * dice.uniform(10.6, 18)
                    : Math.max(-8.5, Math.min(8.5, dice.normal(0, axle == 1 ? 3 : 2.5)));
            list.addObject().put("axle", axle).put("mPerKm", round(slip, 1));
        }
        return JSON.objectNode().set("axles", list);
    }

    /** Tread depth of every tyre on the road (no spare); worn tyres show as one tyre under the kind's limit. */
    static ObjectNode tyres(Dice dice, DrawnVehicle d) {
        Vehicle v = d.vehicle();
        int count = switch (v.kind()) {
            case LIGHT -> 4;
            case MOTORCYCLE -> 2;
            case MOTOCARRO -> 3;
            case HEAVY -> 2 + (v.axles().orElse(2) - 1) * (v.twinWheels() ? 4 : 2);
        };
        double limit = switch (v.kind()) {
            case MOTORCYCLE, MOTOCARRO -> 1.0;
            case LIGHT, HEAVY -> v.grossWeightKg().orElseThrow() > 3500 ? 2.0 : 1.6;
        };
        double base = limit + dice.uniform(0.5, v.kind() == VehicleKind.HEAVY ? 9 : 5.5);
        int worn = dice.chance(Rates.TREAD_WORN * d.failFactor()) ? dice.nextInt(count) : -1;
        ArrayNode depths = JSON.arrayNode(count);
        for (int i = 0; i < count; i++) {
            double depth = i == worn ? dice.uniform(0.3, limit - 0.2) : base + dice.uniform(0, 1.5);
            depths.add(round(depth, 1));
        }
        return JSON.objectNode().set("treadDepthsMm", depths);
    }
}
