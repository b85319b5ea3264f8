package co.rtm.sim.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlatesOnLanesTest {
    @Test
    void aPlateIsOnOneLaneUntilItsHoldEnds() {
        Instant t = Instant.parse("2026-11-17T14:00:00Z");
        String plate = "TST" + System.nanoTime() % 1000;
        assertThat(PlatesOnLanes.claim(plate, t)).isTrue();
        assertThat(PlatesOnLanes.claim(plate, t.plus(PlatesOnLanes.HOLD).minusSeconds(1))).isFalse();
        assertThat(PlatesOnLanes.claim(plate + "X", t)).isTrue();
        assertThat(PlatesOnLanes.claim(plate, t.plus(PlatesOnLanes.HOLD))).isTrue();
    }
}
