package co.rtm.agent.tracks;

import co.rtm.agent.instruments.runtime.LinkOpener;

import java.time.Duration;
import java.util.Objects;

/**
 * How a mobile line records its track: where the GPS receiver is, when a batch is closed (every {@code batchEvery}
 * or at {@code batchFixes} fixes, whichever comes first), which fixes are dropped ({@code maxHdop}), and how much of
 * the outbox tracks may take ({@code outboxShare}, see {@link TrackRoom}).
 */
public record TrackSettings(LinkOpener opener, Duration batchEvery, int batchFixes, double maxHdop, double outboxShare,
                            Duration silence) {

    public static final Duration DEFAULT_BATCH_EVERY = Duration.ofSeconds(30);
    public static final int DEFAULT_BATCH_FIXES = 30;
    /** HDOP above 5 is a "moderate" fix at best: metres to tens of metres off. */
    public static final double DEFAULT_MAX_HDOP = 5.0;
    public static final double DEFAULT_OUTBOX_SHARE = 0.25;

    public TrackSettings {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(silence, "silence");
        if (batchEvery == null || batchEvery.isNegative() || batchEvery.isZero()) {
            throw new IllegalArgumentException("batchSeconds must be at least 1");
        }
        if (batchFixes < 1 || batchFixes > co.rtm.profiles.tracks.TrackBatch.MAX_FIXES) {
            throw new IllegalArgumentException("batchFixes must be within [1, " + co.rtm.profiles.tracks.TrackBatch.MAX_FIXES
                    + "]: " + batchFixes);
        }
        if (!(maxHdop > 0)) {
            throw new IllegalArgumentException("maxHdop must be above 0: " + maxHdop);
        }
        if (!(outboxShare > 0 && outboxShare < 1)) {
            throw new IllegalArgumentException("outboxShare must be between 0 and 1 (exclusive): " + outboxShare);
        }
    }
}
