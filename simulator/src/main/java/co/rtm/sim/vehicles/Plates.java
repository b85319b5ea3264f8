package co.rtm.sim.vehicles;

import co.rtm.profiles.vehicle.VehicleKind;

/**
 * Colombian plate formats: cars and trucks {@code ABC123}, motorcycles {@code ABC12D}, motocarros {@code 123ABC}.
 * Taxis get an S first, as most urban taxi series do.
 */
final class Plates {
    private Plates() {}

    static String draw(Dice dice, VehicleKind kind, boolean taxi) {
        char[] p = switch (kind) {
            case LIGHT, HEAVY -> new char[]{taxi ? 'S' : dice.letter(), dice.letter(), dice.letter(),
                    dice.digit(), dice.digit(), dice.digit()};
            case MOTORCYCLE -> new char[]{dice.letter(), dice.letter(), dice.letter(),
                    dice.digit(), dice.digit(), dice.letter()};
            case MOTOCARRO -> new char[]{dice.digit(), dice.digit(), dice.digit(),
                    dice.letter(), dice.letter(), dice.letter()};
        };
        return new String(p);
    }
}
