package co.rtm.hub.tracks;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of the per-fix filters ({@link TrackFilter}).
 *
 * @param futureSkew  a fix whose device time is later than receipt time plus this is a FUTURE fix (a receiver
 *                    clock, a forged time); the receipt time is the hub's clock
 * @param staleAfter  a fix older than receipt time minus this is a STALE fix: too old to tell where the line is
 * @param maxSpeedKmh a fix whose implied speed from the station's previous accepted fix is above this is a JUMP
 *                    (a multipath fix, a spoofed receiver): no mobile line drives that fast
 */
public record TrackLimits(Duration futureSkew, Duration staleAfter, double maxSpeedKmh) {

    public TrackLimits {
        Objects.requireNonNull(futureSkew, "futureSkew");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (futureSkew.isNegative() || staleAfter.isNegative() || staleAfter.isZero() || !(maxSpeedKmh > 0)) {
            throw new IllegalArgumentException("futureSkew >= 0, staleAfter > 0 and maxSpeedKmh > 0 are required");
        }
    }

    /** 2 minutes of skew, 30 days of history, 250 km/h. */
    public static TrackLimits defaults() {
        return new TrackLimits(Duration.ofMinutes(2), Duration.ofDays(30), 250);
    }

    public TrackLimits withStaleAfter(Duration d) {
        return new TrackLimits(futureSkew, d, maxSpeedKmh);
    }
}
