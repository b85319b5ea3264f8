package co.rtm.hub.registry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a centre registered about how and where it may work. Null class, accreditation or environmental date means
 * not registered, and nothing is checked against it; {@code hours} is {@link OpeningHours#ALWAYS_OPEN} when none
 * were registered ({@code hoursRegistered} false); {@code location} is {@link CenterLocation#NONE} when none was.
 */
public record CenterRules(String centerId, CenterClass centerClass, OpeningHours hours, boolean hoursRegistered,
                          LocalDate accreditedUntil, LocalDate environmentalUntil, CenterLocation location) {
    public CenterRules {
        Objects.requireNonNull(centerId, "centerId");
        Objects.requireNonNull(hours, "hours");
        location = location == null ? CenterLocation.NONE : location;
    }

    /** Without environmental certificate and location (as before V9). */
    public CenterRules(String centerId, CenterClass centerClass, OpeningHours hours, boolean hoursRegistered,
                       LocalDate accreditedUntil) {
        this(centerId, centerClass, hours, hoursRegistered, accreditedUntil, null, CenterLocation.NONE);
    }

    public static CenterRules unregistered(String centerId) {
        return new CenterRules(centerId, null, OpeningHours.ALWAYS_OPEN, false, null);
    }

    public CenterRules withClass(CenterClass c) {
        return new CenterRules(centerId, c, hours, hoursRegistered, accreditedUntil, environmentalUntil, location);
    }

    /** Null clears the hours (always open again). */
    public CenterRules withHours(OpeningHours h) {
        return new CenterRules(centerId, centerClass, h == null ? OpeningHours.ALWAYS_OPEN : h, h != null, accreditedUntil,
                environmentalUntil, location);
    }

    public CenterRules withAccreditedUntil(LocalDate until) {
        return new CenterRules(centerId, centerClass, hours, hoursRegistered, until, environmentalUntil, location);
    }

    /** Last day the environmental authority's certificate is valid (art. 3.3.1.2 b, 3.3.1.5 g); null clears it. */
    public CenterRules withEnvironmentalUntil(LocalDate until) {
        return new CenterRules(centerId, centerClass, hours, hoursRegistered, accreditedUntil, until, location);
    }

    public CenterRules withLocation(CenterLocation l) {
        return new CenterRules(centerId, centerClass, hours, hoursRegistered, accreditedUntil, environmentalUntil, l);
    }

    /** Null when no hours were registered, otherwise their canonical text. */
    public String hoursText() {
        return hoursRegistered ? hours.format() : null;
    }
}
