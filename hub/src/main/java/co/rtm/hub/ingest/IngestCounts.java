package co.rtm.hub.ingest;

import java.util.Map;

/**
 * Counters since the hub started: results newly accepted, duplicates answered again, station
 * events recorded, and refusals by reason code.
 */
public record IngestCounts(long accepted, long duplicates, long events, Map<String, Long> refusedByReason) {
    public IngestCounts {
        refusedByReason = Map.copyOf(refusedByReason);
    }

    public long refused() {
        return refusedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long refused(String reasonCode) {
        return refusedByReason.getOrDefault(reasonCode, 0L);
    }
}
