package co.rtm.hub.ledger;

import co.rtm.hub.registry.OpeningHours;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** A clock hour on the Bogotá clock, [start, end): capacity is counted per clock hour (art. 3.3.5.2.4). */
public record ClockHour(Instant start, Instant end) {
    public static ClockHour of(Instant instant) {
        Instant start = instant.atZone(OpeningHours.BOGOTA).truncatedTo(ChronoUnit.HOURS).toInstant();
        return new ClockHour(start, start.plus(1, ChronoUnit.HOURS));
    }

    /** {@code 2026-11-17T07:00-08:00 (Bogotá)}. */
    public String text() {
        ZonedDateTime from = start.atZone(OpeningHours.BOGOTA);
        return from.toLocalDateTime() + "-" + end.atZone(OpeningHours.BOGOTA).toLocalTime() + " (Bogotá)";
    }
}
