package co.rtm.hub.registry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a centre registered about how it may work. Null class or accreditation date means not registered, and
 * nothing is checked against it; {@code hours} is {@link OpeningHours#ALWAYS_OPEN} when none were registered
 * ({@code hoursRegistered} false).
 */
public record CenterRules(String centerId, CenterClass centerClass, OpeningHours hours, boolean hoursRegistered,
                          LocalDate accreditedUntil) {
    public CenterRules {
        Objects.requireNonNull(centerId, "centerId");
        Objects.requireNonNull(hours, "hours");
    }

    public static CenterRules unregistered(String centerId) {
        return new CenterRules(centerId, null, OpeningHours.ALWAYS_OPEN, false, null);
    }

    public CenterRules withClass(CenterClass c) {
        return new CenterRules(centerId, c, hours, hoursRegistered, accreditedUntil);
    }

    /** Null clears the hours (always open again). */
    public CenterRules withHours(OpeningHours h) {
        return new CenterRules(centerId, centerClass, h == null ? OpeningHours.ALWAYS_OPEN : h, h != null, accreditedUntil);
    }

    public CenterRules withAccreditedUntil(LocalDate until) {
        return new CenterRules(centerId, centerClass, hours, hoursRegistered, until);
    }

    /** Null when no hours were registered, otherwise their canonical text. */
    public String hoursText() {
        return hoursRegistered ? hours.format() : null;
    }
}
