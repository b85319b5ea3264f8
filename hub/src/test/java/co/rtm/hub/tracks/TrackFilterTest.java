package co.rtm.hub.tracks;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.profiles.tracks.TrackFix;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each filter at its bound: the bound itself passes, one step beyond is dropped. No I/O. */
class TrackFilterTest {
    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    static final TrackLimits LIMITS = new TrackLimits(Duration.ofMinutes(2), Duration.ofDays(30), 250);
    final TrackFilter filter = new TrackFilter(LIMITS);

    static TrackFix fix(Instant t, double lat, double lon) {
        return new TrackFix(t, lat, lon, null, null, null, 1.0, 8, 1);
    }

    /** The latitude {@code km} north of {@code lat} on the filter's sphere. */
    static double north(double lat, double km) {
        return lat + Math.toDegrees(km * 1000 / GreatCircle.EARTH_RADIUS_M);
    }

    @Test
    void futureBoundIsReceiptPlusSkew() {
        Instant edge = NOW.plus(LIMITS.futureSkew());
        var r = filter.apply(List.of(fix(edge, 4.6, -74), fix(edge.plusMillis(1), 4.6, -74)), NOW, List.of());
        assertThat(r.accepted()).extracting(TrackFix::deviceTime).containsExactly(edge);
        assertThat(r.counts()).isEqualTo(new FixCounts(2, 1, 0, 1, 0, 0));
    }

    @Test
    void staleBoundIsReceiptMinusStaleAfter() {
        Instant edge = NOW.minus(LIMITS.staleAfter());
        var r = filter.apply(List.of(fix(edge.minusMillis(1), 4.6, -74), fix(edge, 4.6, -74)), NOW, List.of());
        assertThat(r.accepted()).extracting(TrackFix::deviceTime).containsExactly(edge);
        assertThat(r.counts()).isEqualTo(new FixCounts(2, 1, 0, 0, 1, 0));
    }

    @Test
    void aFixAtAStoredDeviceTimeIsADuplicateWhateverItsPosition() {
        Instant t = NOW.minusSeconds(60);
        var r = filter.apply(List.of(fix(t, 4.7, -74.1), fix(t.plusSeconds(1), 4.6, -74)), NOW,
                List.of(new TrackPoint(t, 4.6, -74)));
        assertThat(r.counts()).isEqualTo(new FixCounts(2, 1, 1, 0, 0, 0));
        assertThat(r.accepted()).extracting(TrackFix::deviceTime).containsExactly(t.plusSeconds(1));
    }

    @Test
    void jumpBoundIsTheMaximumSpeedFromThePreviousAcceptedFix() {
        Instant t0 = NOW.minusSeconds(3600);
        // 250 km/h for 36 s is 2.5 km
        TrackPoint stored = new TrackPoint(t0, 4.6, -74.0);
        double justUnder = north(4.6, 2.5 * 0.999_999);
        double justOver = north(4.6, 2.5 * 1.000_001);
        assertThat(TrackFilter.impliedSpeedKmh(stored, fix(t0.plusSeconds(36), 4.6, -74.0 ))).isZero();
        var under = filter.apply(List.of(fix(t0.plusSeconds(36), justUnder, -74.0)), NOW, List.of(stored));
        var over = filter.apply(List.of(fix(t0.plusSeconds(36), justOver, -74.0)), NOW, List.of(stored));
        assertThat(under.counts()).isEqualTo(new FixCounts(1, 1, 0, 0, 0, 0));
        assertThat(over.counts()).isEqualTo(new FixCounts(1, 0, 0, 0, 0, 1));
    }

    @Test
    void aJumpedFixIsNotThePreviousFixOfTheNextOne() {
        Instant t0 = NOW.minusSeconds(600);
        // a multipath fix 50 km away for one second, then the line is where it was
        var r = filter.apply(List.of(fix(t0, 4.6, -74), fix(t0.plusSeconds(1), north(4.6, 50), -74),
                fix(t0.plusSeconds(2), 4.6, -74)), NOW, List.of());
        assertThat(r.counts()).isEqualTo(new FixCounts(3, 2, 0, 0, 0, 1));
        assertThat(r.accepted()).extracting(TrackFix::deviceTime).containsExactly(t0, t0.plusSeconds(2));
    }

    @Test
    void aLateBatchIsJudgedAgainstTheFixBeforeItNotTheNewest() {
        Instant t0 = NOW.minusSeconds(7200);
        // stored: an hour ago, 100 km north; the late batch fills in the time before it, near the start
        List<TrackPoint> known = List.of(new TrackPoint(t0, 4.6, -74), new TrackPoint(t0.plusSeconds(3600), north(4.6, 100), -74));
        var r = filter.apply(List.of(fix(t0.plusSeconds(10), north(4.6, 0.2), -74), fix(t0.plusSeconds(20), north(4.6, 0.4), -74)),
                NOW, known);
        assertThat(r.counts()).isEqualTo(new FixCounts(2, 2, 0, 0, 0, 0));
    }

    @Test
    void rulesApplyInOrderAndEveryFixIsCountedOnce() {
        Instant t = NOW.minusSeconds(100);
        var r = filter.apply(List.of(fix(NOW.minus(Duration.ofDays(31)), 4.6, -74), fix(t, 4.6, -74),
                fix(t.plusSeconds(1), 10.0, -74), fix(NOW.plus(Duration.ofHours(1)), 4.6, -74)), NOW,
                List.of(new TrackPoint(t, 4.6, -74)));
        assertThat(r.counts()).isEqualTo(new FixCounts(4, 0, 1, 1, 1, 1));
    }
}
