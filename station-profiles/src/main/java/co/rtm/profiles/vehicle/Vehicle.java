package co.rtm.profiles.vehicle;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The vehicle as presented at the lane. Optional fields are only required by the rules that use them:
 * gross weight for the tread limit of 4-wheel vehicles, displacement for diesel opacity under
 * Res. 0762/2022, engine strokes for motorcycle gas limits.
 */
public record Vehicle(
        String plate,
        VehicleKind kind,
        Service service,
        Fuel fuel,
        int modelYear,
        OptionalInt displacementCc,
        OptionalDouble grossWeightKg,
        OptionalInt axles,
        OptionalInt engineStrokes,
        boolean hasTaximeter,
        boolean twinWheels) {
}
