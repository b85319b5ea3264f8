package co.rtm.hub.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** In-memory counters of what ingestion did; thread-safe. */
public final class IngestCounters {
    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    void accepted() {
        accepted.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void event() {
        events.increment();
    }

    void refused(String reasonCode) {
        refused.computeIfAbsent(reasonCode, k -> new LongAdder()).increment();
    }

    public IngestCounts snapshot() {
        Map<String, Long> byReason = new TreeMap<>();
        refused.forEach((reason, n) -> byReason.put(reason, n.sum()));
        return new IngestCounts(accepted.sum(), duplicates.sum(), events.sum(), byReason);
    }
}
