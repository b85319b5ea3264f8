package co.rtm.sim.instruments.serve;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireFaultsTest {

    private static final byte[] FRAME = "V,123\n".getBytes();

    @Test
    void aCleanWireChangesNothing() {
        WireFaults none = WireFaults.none();
        for (int i = 0; i < 100; i++) {
            assertThat(none.apply(FRAME)).isEqualTo(FRAME);
            assertThat(none.disconnectDue(Instant.EPOCH.plusSeconds(i))).isFalse();
        }
        assertThat(none.counts()).isEqualTo(new WireFaults.Counts(0, 0, 0));
    }

    @Test
    void theSameSeedGivesTheSameFaults() {
        assertThat(run(7)).isEqualTo(run(7)).isNotEqualTo(run(8));
    }

    private static List<String> run(long seed) {
        WireFaults f = WireFaults.seeded(seed).garbage(0.3, 4).truncate(0.2).disconnects(0.05, Duration.ofMillis(100));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            out.add(Arrays.toString(f.apply(FRAME)) + f.disconnectDue(Instant.EPOCH.plusMillis(20L * i)));
        }
        return out;
    }

    @Test
    void garbageIsInsertedAndTruncationKeepsAPrefix() {
        WireFaults garbage = WireFaults.seeded(1).garbage(1.0, 3);
        for (int i = 0; i < 50; i++) {
            byte[] out = garbage.apply(FRAME);
            assertThat(out.length - FRAME.length).isBetween(1, 3);
            int extra = out.length - FRAME.length;
            int at = 0;
            while (at < FRAME.length && out[at] == FRAME[at]) {
                at++;
            }
            assertThat(Arrays.copyOfRange(out, at + extra, out.length)).isEqualTo(Arrays.copyOfRange(FRAME, at, FRAME.length));
        }
        WireFaults truncate = WireFaults.seeded(1).truncate(1.0);
        for (int i = 0; i < 50; i++) {
            byte[] out = truncate.apply(FRAME);
            assertThat(out.length).isBetween(1, FRAME.length - 1);
            assertThat(FRAME).startsWith(out);
        }
        assertThat(truncate.counts().truncated()).isEqualTo(50);
    }

    @Test
    void aRequestedDisconnectionStartsAtTheNextTickAndLastsItsLength() {
        WireFaults f = WireFaults.none();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(f.down(t0)).isFalse();
        f.disconnectNow(Duration.ofMillis(500));
        assertThat(f.disconnectDue(t0)).isTrue();
        assertThat(f.disconnectDue(t0.plusMillis(20))).isFalse();
        assertThat(f.down(t0.plusMillis(499))).isTrue();
        assertThat(f.down(t0.plusMillis(500))).isFalse();
        assertThat(f.counts().disconnects()).isEqualTo(1);
        assertThatThrownBy(() -> WireFaults.seeded(1).garbage(1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
