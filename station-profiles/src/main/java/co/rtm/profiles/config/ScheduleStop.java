package co.rtm.profiles.config;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One stop of a mobile line (art. 3.3.1.6): the municipality (5-digit DANE code) where it may inspect, from
 * {@code from} inclusive to {@code to} exclusive.
 */
public record ScheduleStop(String municipality, OffsetDateTime from, OffsetDateTime to) {
    public ScheduleStop {
        if (municipality == null || !municipality.matches("[0-9]{5}")) {
            throw new IllegalArgumentException("municipality must be a 5-digit DANE code: " + municipality);
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a schedule stop must start before it ends");
        }
    }
}
