package co.rtm.sim.lane;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plates this process's simulated lanes inspected lately. A vehicle is on one lane at a time: two lanes drawing
 * the same plate from their populations within {@link #HOLD} would be the fraud the hub refuses (PLATE_OVERLAP), so
 * the second lane takes the next vehicle instead.
 */
final class PlatesOnLanes {
    /** Longer than the 12 minutes a simulated inspection lasts, with margin for clock and queue. */
    static final Duration HOLD = Duration.ofMinutes(30);
    private static final int PRUNE_ABOVE = 100_000;
    private static final Map<String, Instant> CLAIMED = new ConcurrentHashMap<>();

    private PlatesOnLanes() {
    }

    /** Whether {@code plate} was free and is now held by the caller's lane until {@code now} + {@link #HOLD}. */
    static boolean claim(String plate, Instant now) {
        boolean[] claimed = {false};
        CLAIMED.compute(plate, (p, since) -> {
            if (since == null || !since.plus(HOLD).isAfter(now)) {
                claimed[0] = true;
                return now;
            }
            return since;
        });
        if (CLAIMED.size() > PRUNE_ABOVE) {
            CLAIMED.values().removeIf(since -> !since.plus(HOLD).isAfter(now));
        }
        return claimed[0];
    }
}
