package co.rtm.sim.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The mobile line's compressed time: a recent past played {@code factor} times faster than real time, starting
 * {@code lag} ago. It stays behind the real clock for {@code lag / (factor - 1)} of real time, so every GPS fix and
 * station time it stamps is in the hub's accepted window (not more than 2 min ahead, not more than 30 days old), and
 * a 10-minute inspection (the profile's minimum) fits in a minute of the demo.
 */
final class SimTime extends Clock {
    private final Instant realStart;
    private final Instant virtualStart;
    private final int factor;

    SimTime(Instant realStart, Duration lag, int factor) {
        this.realStart = realStart;
        this.virtualStart = realStart.minus(lag);
        this.factor = factor;
    }

    /** The simulated time at real time {@code real}. */
    Instant at(Instant real) {
        return virtualStart.plusMillis(Duration.between(realStart, real).toMillis() * factor);
    }

    @Override
    public Instant instant() {
        return at(Instant.now());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("simulated time is UTC");
    }
}
