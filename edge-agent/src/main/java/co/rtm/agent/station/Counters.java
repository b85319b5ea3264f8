package co.rtm.agent.station;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import co.rtm.agent.outbox.AckInfo;
import co.rtm.profiles.scoring.Verdict;

/** The live counters behind {@link StationStats}, shared by the workflow thread and the MQTT callback thread. */
final class Counters {
    final AtomicLong read = new AtomicLong();
    final AtomicLong refusedLocally = new AtomicLong();
    final AtomicLong laneFaults = new AtomicLong();
    final AtomicLong appended = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong rejectedByHub = new AtomicLong();
    private final Map<Verdict, AtomicLong> scored = new EnumMap<>(Verdict.class);
    volatile String waiting;

    Counters() {
        for (Verdict v : Verdict.values()) {
            scored.put(v, new AtomicLong());
        }
    }

    void scored(Verdict verdict) {
        scored.get(verdict).incrementAndGet();
    }

    void hubAnswered(AckInfo.Status status) {
        (status == AckInfo.Status.REJECTED ? rejectedByHub : acked).incrementAndGet();
    }

    StationStats snapshot() {
        Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
        scored.forEach((v, n) -> byVerdict.put(v, n.get()));
        return new StationStats(read.get(), byVerdict, refusedLocally.get(), laneFaults.get(), appended.get(),
                acked.get(), rejectedByHub.get(), waiting);
    }
}
