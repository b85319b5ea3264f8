package co.rtm.agent.instruments.runtime;

import co.rtm.agent.instruments.Sample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StuckDetectorTest {

    @Test
    void firesOnceWhenARunGrowsPastTheLimitAndAgainOnlyAfterTheValueMoved() {
        StuckDetector d = new StuckDetector(2);
        Sample s = new Sample.SoundLevel(80.1);
        assertThat(d.stuck(s)).isFalse();          // first
        assertThat(d.stuck(s)).isFalse();          // repeat 1
        assertThat(d.stuck(s)).isFalse();          // repeat 2: still allowed
        assertThat(d.stuck(s)).isTrue();           // repeat 3: more than 2
        assertThat(d.stuck(s)).isFalse();          // same run: said once
        assertThat(d.stuck(new Sample.SoundLevel(80.2))).isFalse();
        for (int i = 0; i < 2; i++) {
            assertThat(d.stuck(new Sample.SoundLevel(80.2))).isFalse();
        }
        assertThat(d.stuck(new Sample.SoundLevel(80.2))).isTrue();
    }

    @Test
    void interleavedWheelsAreCountedApart() {
        StuckDetector d = new StuckDetector(3);
        var left = new Sample.BrakeForce(1, Sample.Wheel.LEFT, Sample.Circuit.SERVICE, 1200);
        boolean fired = false;
        for (int i = 0; i < 4; i++) {
            fired |= d.stuck(left);
            fired |= d.stuck(new Sample.BrakeForce(1, Sample.Wheel.RIGHT, Sample.Circuit.SERVICE, 1000 + i));
        }
        assertThat(fired).as("left repeated 3 times only").isFalse();
        assertThat(d.stuck(left)).as("left's 4th repeat, with right in between").isTrue();
    }

    @Test
    void zeroTurnsItOff() {
        StuckDetector d = new StuckDetector(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(d.stuck(new Sample.Illuminance(0))).isFalse();
        }
    }
}
