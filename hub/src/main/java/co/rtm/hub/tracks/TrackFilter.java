package co.rtm.hub.tracks;

import co.rtm.profiles.tracks.TrackFix;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-fix filters of track ingestion, pure: which fixes of a batch are stored. Each fix, oldest first, is
 * dropped by the first rule it breaks:
 * <ol>
 *   <li>FUTURE: device time after {@code receivedAt + futureSkew};</li>
 *   <li>STALE: device time before {@code receivedAt - staleAfter};</li>
 *   <li>DUPLICATE: the station already has a fix at that device time (stored, or earlier in this batch);</li>
 *   <li>JUMP: the implied speed from the station's previous accepted fix (the latest one, stored or of this
 *       batch, with an earlier device time) is above {@code maxSpeedKmh}.</li>
 * </ol>
 * The bounds themselves pass: a fix exactly {@code futureSkew} ahead, exactly {@code staleAfter} old, or at exactly
 * {@code maxSpeedKmh} is accepted. A late batch (buffered offline, arriving after newer fixes) is judged against
 * the fixes before it in device time, not against the newest stored one, so it is not mistaken for a jump. It is
 * not checked against the stored fix after it: that one was accepted already and stays.
 */
public final class TrackFilter {

    /** The fixes to store and what happened to the others. */
    public record Result(List<TrackFix> accepted, FixCounts counts) {
    }

    private final TrackLimits limits;

    public TrackFilter(TrackLimits limits) {
        this.limits = limits;
    }

    /**
     * @param fixes      a batch's fixes, oldest first (as {@link co.rtm.profiles.tracks.TrackBatch} guarantees)
     * @param receivedAt the hub's clock when the batch arrived
     * @param known      the station's stored fixes from the latest one before the batch's first device time up to
     *                   its last device time (more is harmless, fewer misses duplicates and jumps)
     */
    public Result apply(List<TrackFix> fixes, Instant receivedAt, Collection<TrackPoint> known) {
        TreeMap<Instant, TrackPoint> seen = new TreeMap<>();
        for (TrackPoint p : known) {
            seen.put(p.deviceTime(), p);
        }
        Instant latest = receivedAt.plus(limits.futureSkew());
        Instant oldest = receivedAt.minus(limits.staleAfter());
        List<TrackFix> accepted = new ArrayList<>(fixes.size());
        long future = 0;
        long stale = 0;
        long duplicate = 0;
        long jump = 0;
        for (TrackFix f : fixes) {
            Instant t = f.deviceTime();
            if (t.isAfter(latest)) {
                future++;
            } else if (t.isBefore(oldest)) {
                stale++;
            } else if (seen.containsKey(t)) {
                duplicate++;
            } else if (isJump(seen.lowerEntry(t), f)) {
                jump++;
            } else {
                accepted.add(f);
                seen.put(t, new TrackPoint(t, f.lat(), f.lon()));
            }
        }
        return new Result(List.copyOf(accepted),
                new FixCounts(fixes.size(), accepted.size(), duplicate, future, stale, jump));
    }

    /** km/h from {@code from} to {@code to}; both times differ (a same-time fix is a duplicate). */
    static double impliedSpeedKmh(TrackPoint from, TrackFix to) {
        double seconds = Duration.between(from.deviceTime(), to.deviceTime()).toNanos() / 1e9;
        return GreatCircle.metres(from.lat(), from.lon(), to.lat(), to.lon()) / seconds * 3.6;
    }

    private boolean isJump(Map.Entry<Instant, TrackPoint> previous, TrackFix f) {
        return previous != null && impliedSpeedKmh(previous.getValue(), f) > limits.maxSpeedKmh();
    }
}
