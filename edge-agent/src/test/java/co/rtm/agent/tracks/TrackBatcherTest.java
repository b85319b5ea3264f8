package co.rtm.agent.tracks;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.tracks.TrackFix;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackBatcherTest {
    static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    static Sample.GpsFix fix(int second, int quality, double hdop) {
        return new Sample.GpsFix(T0.plusSeconds(second), 4.6, -74.08, Double.NaN, 10.0, Double.NaN, quality, -1, hdop);
    }

    @Test
    void aBatchClosesAtMaxFixes() {
        TrackBatcher b = new TrackBatcher(3, Duration.ofSeconds(30), 5);
        assertThat(b.add(fix(0, 1, 1), T0)).isEmpty();
        assertThat(b.add(fix(1, 1, 1), T0.plusSeconds(1))).isEmpty();
        Optional<List<TrackFix>> batch = b.add(fix(2, 1, 1), T0.plusSeconds(2));
        assertThat(batch).get().asList().hasSize(3);
        TrackFix first = batch.get().get(0);
        assertThat(first.altitudeM()).as("NaN becomes unknown").isNull();
        assertThat(first.satellites()).isNull();
        assertThat(first.speedKmh()).isEqualTo(10.0);
        assertThat(b.drain()).isEmpty();
    }

    @Test
    void aBatchClosesWhenItsFirstFixIsMaxAgeOldByReceiptTime() {
        TrackBatcher b = new TrackBatcher(100, Duration.ofSeconds(30), 5);
        b.add(fix(0, 1, 1), T0);
        b.add(fix(1, 1, 1), T0.plusSeconds(1));
        assertThat(b.due(T0.plusSeconds(30).minusMillis(1))).isEmpty();
        assertThat(b.due(T0.plusSeconds(30))).get().asList().hasSize(2);
        assertThat(b.due(T0.plusSeconds(90))).isEmpty();
    }

    @Test
    void dropsNoFixBadHdopAndTimesThatDoNotAdvance() {
        TrackBatcher b = new TrackBatcher(100, Duration.ofSeconds(30), 5);
        b.add(fix(0, 0, 1), T0);                       // quality 0: no fix
        b.add(new Sample.GpsFix(T0.plusSeconds(1), Double.NaN, Double.NaN, 0, 0, 0, 1, 5, 1), T0);
        b.add(fix(2, 1, 5.0), T0);                     // at the bound: kept
        b.add(fix(3, 1, 5.01), T0);                    // above: dropped
        b.add(fix(4, 1, Double.NaN), T0);              // unknown HDOP: dropped
        b.add(fix(2, 1, 1), T0);                       // a replayed second
        b.add(fix(5, 2, 0.8), T0);
        assertThat(b.drain()).get().asList().extracting(f -> ((TrackFix) f).deviceTime())
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(5));
        assertThat(b.droppedNoFix()).isEqualTo(2);
        assertThat(b.droppedBadHdop()).isEqualTo(2);
        assertThat(b.droppedOutOfOrder()).isEqualTo(1);
    }
}
