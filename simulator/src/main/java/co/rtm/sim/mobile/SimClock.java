package co.rtm.sim.mobile;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated time a mobile line and its hub share: it stands still until the run moves it forward (never back).
 * Weeks pass in seconds because the run jumps from one planned event (a fix, a verification, an inspection) to the
 * next and waits, with the clock stopped, for the real round trips through GPS, agent, broker and ledger.
 */
public final class SimClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public SimClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private SimClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the clock to {@code t}, or leaves it where it is when it is already later. */
    public void advanceTo(Instant t) {
        now.accumulateAndGet(t, (a, b) -> b.isAfter(a) ? b : a);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time seen in another zone (the hub reads Bogotá dates through it). */
    @Override
    public Clock withZone(ZoneId z) {
        return new SimClock(now, z);
    }
}
