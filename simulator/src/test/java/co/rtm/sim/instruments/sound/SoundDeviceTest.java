package co.rtm.sim.instruments.sound;

import co.rtm.agent.inspection.SoundProcedure;
import co.rtm.agent.inspection.TestOutcome;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.lights.Play;
import co.rtm.sim.instruments.lights.Playback;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SoundDeviceTest {

    @Test
    void theMaximumOfTheMeasurementsIsTheTrueLevel() {
        SoundDevice exact = new SoundDevice(new Measurements.Noise(84.3), 3, Playback.exact(4));
        assertThat(Play.outcome(new SoundProcedure(), exact, Play.streamed(exact, 3)))
                .isEqualTo(new TestOutcome.Measured<>(new Measurements.Noise(84.3)));
        SoundDevice noisy = new SoundDevice(new Measurements.Noise(84.3), 3, Playback.noisy(4, 0.2));
        var got = ((TestOutcome.Measured<Measurements.Noise>) Play.outcome(new SoundProcedure(), noisy, Play.streamed(noisy, 3))).block();
        assertThat(got.dBA()).isCloseTo(84.3, within(0.8));
    }

    @Test
    void anErrorFrameOrExpiredMeterIsInvalid() {
        SoundDevice err = new SoundDevice(new Measurements.Noise(84.3), 3, Playback.exact(4).with(Playback.ValueFault.ERROR_FRAME));
        assertThat(Play.outcome(new SoundProcedure(), err, Play.streamed(err, 3))).isInstanceOf(TestOutcome.Invalid.class);
        SoundDevice exp = new SoundDevice(new Measurements.Noise(84.3), 3, Playback.exact(4).with(Playback.ValueFault.EXPIRED_CALIBRATION));
        assertThat(Play.outcome(new SoundProcedure(), exp, Play.streamed(exp, 3))).isInstanceOf(TestOutcome.Invalid.class);
    }
}
