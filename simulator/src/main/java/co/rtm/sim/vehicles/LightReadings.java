package co.rtm.sim.vehicles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static co.rtm.sim.vehicles.Dice.round;

/**
 * Luxmeter readings: left and right low beams plus the sum of every lamp lit together for four-wheel vehicles,
 * one centre lamp for motorcycles and motocarros (no sum). Faults: a dim lamp (dirty or yellowed lens, weak
 * bulb), a misaimed one, and rarely aftermarket lamps that push the sum over 225 klux.
 */
final class LightReadings {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LightReadings() {}

    static ObjectNode lights(Dice dice, DrawnVehicle d) {
        double f = d.failFactor();
        boolean fourWheel = !d.vehicle().kind().isMotorcycleFamily();
        String[] sides = fourWheel ? new String[]{"left", "right"} : new String[]{"center"};
        int dim = dice.chance(Rates.LAMP_DIM * f) ? dice.nextInt(sides.length) : -1;
        int misaimed = dice.chance(Rates.LAMP_MISAIMED * f) ? dice.nextInt(sides.length) : -1;
        double lampLevel = fourWheel ? dice.uniform(6, 28) : dice.uniform(4, 22);
        ArrayNode beams = JSON.arrayNode(sides.length);
        double lowSum = 0;
        for (int i = 0; i < sides.length; i++) {
            double klux = i == dim ? dice.uniform(0.4, 2.3) : lampLevel * dice.uniform(0.85, 1.15);
            double inclination = i == misaimed
                    ? (dice.chance(0.6) ? dice.uniform(3.7, 6) : dice.uniform(-1.5, 0.3))
                    : dice.uniform(0.8, 3.1);
            lowSum += klux;
            beams.addObject().put("side", sides[i]).put("intensityKlux", round(klux, 1)).put("inclinationPct", round(inclination, 1));
        }
        ObjectNode lights = JSON.objectNode();
        lights.set("lowBeams", beams);
        if (fourWheel) {
            // Low beams, high beams and fog lamps that can be lit at once.
            double sum = dice.chance(Rates.LAMPS_SUM_HIGH * f) ? dice.uniform(232, 320) : Math.min(215, lowSum + dice.uniform(30, 140));
            lights.put("simultaneousSumKlux", round(sum, 1));
        }
        return lights;
    }
}
