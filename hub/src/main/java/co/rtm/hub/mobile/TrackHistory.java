package co.rtm.hub.mobile;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the acceptance rule needs from a station's GPS track (DESIGN §7), by device time. The track ingestion
 * (co.rtm.hub.tracks) owns the fixes; {@link SqlTrackHistory} reads its table.
 */
public interface TrackHistory {
    /** The station's newest fix taken at or before {@code t}. */
    Optional<Fix> latestAtOrBefore(String stationId, Instant t);

    /**
     * The oldest fix of the station taken after {@code after} (exclusive; null: from the first fix) and at or before
     * {@code until} that {@code match} accepts; implementations may stop at the first one.
     */
    Optional<Fix> firstMatching(String stationId, Instant after, Instant until, Predicate<Fix> match);
}
