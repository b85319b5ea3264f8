package co.rtm.hub.plausibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An inspection's {@code evidence} as the hub reads it: per instrument test (by its JSON name) how long its raw
 * series lasted and its fingerprint, and the instruments the lane used with their verification due dates.
 */
public record Evidence(Map<String, TestSeries> series, List<Instrument> instruments) {
    public Evidence {
        series = Map.copyOf(series);
        instruments = List.copyOf(instruments);
    }

    /** The sum of every instrument test's series duration: time the lane provably spent measuring. */
    public long totalMs() {
        return series.values().stream().mapToLong(TestSeries::durationMs).sum();
    }

    /**
     * One test's raw series: its last event's {@code ms} (events count from the test's start), how many readings it
     * has, and the SHA-256 of its lines without the instrument's identity, or null when it has too few readings to
     * tell one vehicle from another ({@link EvidenceReader#MIN_READINGS_TO_FINGERPRINT}).
     */
    public record TestSeries(long durationMs, int readings, String sha256) {}

    /** An instrument the lane used for {@code test}; {@code verificationDue} (inclusive) is null when not reported. */
    public record Instrument(String test, String serial, LocalDate verificationDue) {
        public Instrument {
            Objects.requireNonNull(test, "test");
        }
    }
}
