package co.rtm.sim.vehicles;

import co.rtm.profiles.vehicle.Fuel;
import co.rtm.profiles.vehicle.Service;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static co.rtm.profiles.vehicle.Fuel.DIESEL;
import static co.rtm.profiles.vehicle.Fuel.ELECTRIC;
import static co.rtm.profiles.vehicle.Fuel.GASOLINE;
import static co.rtm.profiles.vehicle.Fuel.GLP;
import static co.rtm.profiles.vehicle.Fuel.GNV;
import static co.rtm.profiles.vehicle.Fuel.HYBRID;
import static co.rtm.profiles.vehicle.Service.DIPLOMATICO;
import static co.rtm.profiles.vehicle.Service.ENSENANZA;
import static co.rtm.profiles.vehicle.Service.OFICIAL;
import static co.rtm.profiles.vehicle.Service.PARTICULAR;
import static co.rtm.profiles.vehicle.Service.PUBLICO;

/**
 * The mix of vehicles that comes to a Colombian CDA: about 55 % light, 35 % motorcycles, 5 % heavy and 5 %
 * motocarros; mostly private gasoline cars, GNV taxis, diesel trucks and buses, 4-stroke motorcycles with a tail
 * of old 2-strokes. Model years run from 1975 to the year after the test, skewed recent: the first periodic
 * inspection is due 6 years after registration for private cars and 2 years for public service vehicles and
 * motorcycles, and a few vehicles come earlier (sales, voluntary checks).
 */
final class Fleet {
    static final int OLDEST_MODEL_YEAR = 1975;

    private static final List<VehicleKind> KINDS = List.of(VehicleKind.LIGHT, VehicleKind.MOTORCYCLE,
            VehicleKind.HEAVY, VehicleKind.MOTOCARRO);
    private static final List<Service> LIGHT_SERVICES = List.of(PARTICULAR, PUBLICO, OFICIAL, ENSENANZA, DIPLOMATICO);
    private static final List<Fuel> CAR_FUELS = List.of(GASOLINE, DIESEL, GNV, HYBRID, ELECTRIC, GLP);
    private static final List<Fuel> TAXI_FUELS = List.of(GASOLINE, GNV);
    private static final List<Integer> CAR_CC = List.of(1000, 1200, 1300, 1400, 1500, 1600, 1800, 2000, 2400, 2700, 3000);
    private static final List<Integer> MOTO_CC = List.of(100, 110, 125, 150, 160, 180, 200, 250, 400, 650);
    private static final List<Integer> MOTOCARRO_CC = List.of(200, 205, 236, 400, 470);

    private Fleet() {}

    static DrawnVehicle draw(Dice dice, int testYear) {
        return switch (dice.weighted(KINDS, 55, 35, 5, 5)) {
            case LIGHT -> light(dice, testYear);
            case MOTORCYCLE -> motorcycle(dice, testYear);
            case HEAVY -> heavy(dice, testYear);
            case MOTOCARRO -> motocarro(dice, testYear);
        };
    }

    private static DrawnVehicle light(Dice dice, int testYear) {
        Service service = dice.weighted(LIGHT_SERVICES, 83, 13, 2.5, 1, 0.5);
        boolean taxi = service == PUBLICO && dice.chance(0.7);
        Fuel fuel = taxi ? dice.weighted(TAXI_FUELS, 60, 40) : dice.weighted(CAR_FUELS, 86, 5, 4, 3.5, 1.2, 0.3);
        int year = modelYear(dice, testYear, service == PARTICULAR ? 5 : 1, 9);
        boolean ev = fuel == ELECTRIC;
        int cc = fuel == DIESEL ? dice.pick(List.of(2200, 2500, 2800, 3000)) : dice.pick(CAR_CC);
        double gross = fuel == DIESEL ? dice.uniform(2600, 3400) : 900 + cc * dice.uniform(0.55, 0.75);
        Vehicle v = new Vehicle(Plates.draw(dice, VehicleKind.LIGHT, taxi), VehicleKind.LIGHT, service, fuel, year,
                ev ? OptionalInt.empty() : OptionalInt.of(cc), OptionalDouble.of(Math.round(Math.min(gross, 3500))),
                OptionalInt.of(2), ev ? OptionalInt.empty() : OptionalInt.of(4), taxi, false);
        return new DrawnVehicle(v, wear(dice, testYear, year, taxi ? 12 : 25));
    }

    private static DrawnVehicle motorcycle(Dice dice, int testYear) {
        Service service = dice.weighted(List.of(PARTICULAR, ENSENANZA, OFICIAL), 98.5, 1, 0.5);
        Fuel fuel = dice.chance(0.01) ? ELECTRIC : GASOLINE;
        int year = modelYear(dice, testYear, 1, 6);
        boolean twoStroke = fuel != ELECTRIC && dice.chance(year < 2010 ? 0.25 : 0.02);
        int cc = twoStroke ? dice.pick(List.of(100, 115, 125, 135, 200)) : dice.pick(MOTO_CC);
        boolean ev = fuel == ELECTRIC;
        Vehicle v = new Vehicle(Plates.draw(dice, VehicleKind.MOTORCYCLE, false), VehicleKind.MOTORCYCLE, service, fuel,
                year, ev ? OptionalInt.empty() : OptionalInt.of(cc), OptionalDouble.of(Math.round(220 + cc * dice.uniform(0.3, 0.5))),
                OptionalInt.of(2), ev ? OptionalInt.empty() : OptionalInt.of(twoStroke ? 2 : 4), false, false);
        return new DrawnVehicle(v, wear(dice, testYear, year, 15));
    }

    private static DrawnVehicle heavy(Dice dice, int testYear) {
        Service service = dice.weighted(List.of(PUBLICO, PARTICULAR, OFICIAL), 55, 40, 5);
        Fuel fuel = dice.weighted(List.of(DIESEL, GASOLINE, GNV), 90, 6, 4);
        int year = modelYear(dice, testYear, service == PARTICULAR ? 5 : 1, 12);
        int axles = dice.weighted(List.of(2, 3, 4), 70, 25, 5);
        double gross = switch (axles) {
            case 2 -> dice.uniform(4500, 17500);
            case 3 -> dice.uniform(17500, 28000);
            default -> dice.uniform(28000, 36000);
        };
        int cc = fuel == DIESEL ? (int) Math.round(Math.min(13000, 2800 + gross * dice.uniform(0.2, 0.35)) / 100) * 100
                : dice.pick(List.of(4100, 4800, 5700));
        Vehicle v = new Vehicle(Plates.draw(dice, VehicleKind.HEAVY, false), VehicleKind.HEAVY, service, fuel, year,
                OptionalInt.of(cc), OptionalDouble.of(Math.round(gross / 10) * 10.0), OptionalInt.of(axles),
                OptionalInt.of(4), false, dice.chance(0.9));
        return new DrawnVehicle(v, wear(dice, testYear, year, 25));
    }

    private static DrawnVehicle motocarro(Dice dice, int testYear) {
        Service service = dice.weighted(List.of(PARTICULAR, PUBLICO), 70, 30);
        Fuel fuel = dice.weighted(List.of(GASOLINE, GNV, DIESEL), 95, 3, 2);
        int year = modelYear(dice, testYear, 1, 7);
        boolean twoStroke = fuel == GASOLINE && dice.chance(year < 2010 ? 0.3 : 0.05);
        int cc = fuel == DIESEL ? 435 : dice.pick(MOTOCARRO_CC);
        Vehicle v = new Vehicle(Plates.draw(dice, VehicleKind.MOTOCARRO, false), VehicleKind.MOTOCARRO, service, fuel,
                year, OptionalInt.of(cc), OptionalDouble.of(Math.round(dice.uniform(650, 1100))), OptionalInt.of(2),
                OptionalInt.of(twoStroke ? 2 : 4), false, false);
        return new DrawnVehicle(v, wear(dice, testYear, year, 20));
    }

    /**
     * Model year: the first inspection is due {@code minAge} years on; beyond that the age falls off exponentially
     * with mean {@code meanExtra}. Four percent come early (voluntary or pre-sale checks), down to next year's models.
     */
    private static int modelYear(Dice dice, int testYear, int minAge, double meanExtra) {
        int newest = testYear + 1;
        int from = dice.chance(0.04) ? 0 : minAge;
        for (int attempt = 0; attempt < 8; attempt++) {
            int year = newest - from - (int) dice.exponential(meanExtra);
            if (year >= OLDEST_MODEL_YEAR) return year;
        }
        return OLDEST_MODEL_YEAR + dice.nextInt(10);
    }

    /** Wear: mostly age (saturating at {@code yearsToWorn}), partly upkeep, which varies from owner to owner. */
    private static double wear(Dice dice, int testYear, int modelYear, double yearsToWorn) {
        double age = Math.max(0, testYear - modelYear);
        return Math.min(1, 0.7 * Math.min(1, age / yearsToWorn) + 0.3 * dice.uniform(0, 1));
    }
}
