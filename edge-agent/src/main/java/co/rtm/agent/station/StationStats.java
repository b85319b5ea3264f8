package co.rtm.agent.station;

import java.util.Map;

import co.rtm.profiles.scoring.Verdict;

/**
 * What the station did since it started (counters are per process, not persisted).
 *
 * @param read           vehicles' readings taken from the lane
 * @param scored         inspections scored locally, by verdict (every verdict present, possibly 0)
 * @param refusedLocally readings of a vehicle kind this lane's class does not accept: reported, not sent
 * @param laneFaults     lines from the lane that were not a valid reading: reported as instrument faults, never scored
 * @param appended       inspections signed and stored durably in the outbox
 * @param acked          inspections the hub answered ACCEPTED or DUPLICATE
 * @param rejectedByHub  inspections the hub answered REJECTED (kept in the outbox with the reason)
 * @param waiting        why no new inspection is being started right now (outbox full, disk), or null when
 *                       the station is taking vehicles
 */
public record StationStats(long read, Map<Verdict, Long> scored, long refusedLocally, long laneFaults, long appended,
                           long acked, long rejectedByHub, String waiting) {

    public StationStats {
        scored = Map.copyOf(scored);
    }

    /** Inspections scored, whatever the verdict. */
    public long scoredTotal() {
        return scored.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Scored with {@code verdict}. */
    public long scored(Verdict verdict) {
        return scored.getOrDefault(verdict, 0L);
    }
}
