package co.rtm.hub.geo;

/** Whether a municipality may go on a mobile line's schedule under the 50 km rule ({@link FiftyKmRule}). */
public sealed interface MobileLineEligibility {
    /** No fixed CDA lies within 50 km of the municipality. */
    record Allowed() implements MobileLineEligibility {
    }

    /** The nearest fixed CDA, less than 50 km from the municipality (0 when it stands inside). */
    record TooClose(FixedCda nearest, double distanceMetres) implements MobileLineEligibility {
    }
}
