package co.rtm.agent.tracks;

import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.tracks.TrackFix;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the receiver's fixes into batches, pure: drops what is not a usable fix (no fix, no position, no or too high
 * HDOP, a device time not after the previous one) and closes a batch at {@code maxFixes} fixes or once its first
 * fix is {@code maxAge} old (by receipt time), whichever comes first. Not thread-safe.
 */
public final class TrackBatcher {

    private final int maxFixes;
    private final Duration maxAge;
    private final double maxHdop;
    private final List<TrackFix> open = new ArrayList<>();
    private Instant openedAt;
    private Instant lastDeviceTime;
    private long noFix;
    private long badHdop;
    private long outOfOrder;

    public TrackBatcher(int maxFixes, Duration maxAge, double maxHdop) {
        this.maxFixes = maxFixes;
        this.maxAge = maxAge;
        this.maxHdop = maxHdop;
    }

    /** Adds a fix received at {@code at}; returns the batch it completed, if it did. */
    public Optional<List<TrackFix>> add(Sample.GpsFix fix, Instant at) {
        Optional<TrackFix> usable = usable(fix);
        if (usable.isEmpty()) {
            return due(at);
        }
        if (lastDeviceTime != null && !fix.deviceTime().isAfter(lastDeviceTime)) {
            outOfOrder++;
            return due(at);
        }
        lastDeviceTime = fix.deviceTime();
        if (open.isEmpty()) {
            openedAt = at;
        }
        open.add(usable.get());
        return open.size() >= maxFixes ? drain() : due(at);
    }

    /** The open batch, if its first fix is {@code maxAge} old at {@code now}. */
    public Optional<List<TrackFix>> due(Instant now) {
        return !open.isEmpty() && !now.isBefore(openedAt.plus(maxAge)) ? drain() : Optional.empty();
    }

    /** The open batch, whatever its age (at shutdown). */
    public Optional<List<TrackFix>> drain() {
        if (open.isEmpty()) {
            return Optional.empty();
        }
        List<TrackFix> batch = List.copyOf(open);
        open.clear();
        return Optional.of(batch);
    }

    private Optional<TrackFix> usable(Sample.GpsFix f) {
        if (f.quality() < 1 || f.quality() > 8 || Double.isNaN(f.lat()) || Double.isNaN(f.lon())) {
            noFix++;
            return Optional.empty();
        }
        if (!(f.hdop() >= 0) || f.hdop() > maxHdop) {
            badHdop++;
            return Optional.empty();
        }
        try {
            return Optional.of(new TrackFix(f.deviceTime(), f.lat(), f.lon(), finite(f.altitudeM()), finite(f.speedKmh()),
                    finite(f.courseDeg()), f.hdop(), f.satellites() < 0 ? null : f.satellites(), f.quality()));
        } catch (IllegalArgumentException e) {
            noFix++;
            return Optional.empty();
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public long droppedNoFix() {
        return noFix;
    }

    public long droppedBadHdop() {
        return badHdop;
    }

    public long droppedOutOfOrder() {
        return outOfOrder;
    }
}
