package co.rtm.hub.mobile;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One stay of a mobile line's schedule (art. 3.3.1.6 m, "cronograma de trabajo"): the line works in the municipality
 * {@code municipalityCode} (DANE) from {@code from} to {@code to}, Bogotá dates, both inclusive. {@code leaveBy} is
 * set when a fixed CDA opened within 50 km (art. 3.3.3.10): the last date the line may still inspect there; null
 * otherwise. {@code id} is 0 before the stay is stored.
 */
public record Stay(long id, String lineId, String municipalityCode, LocalDate from, LocalDate to, LocalDate leaveBy) {
    public Stay {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Whether the stay covers {@code date} (both ends inclusive). */
    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Whether the two stays share at least one day. */
    public boolean overlaps(Stay other) {
        return !from.isAfter(other.to) && !other.from.isAfter(to);
    }
}
