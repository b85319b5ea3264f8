package co.rtm.sim.instruments.suspension;

import co.rtm.agent.inspection.SuspensionProcedure;
import co.rtm.agent.inspection.TestOutcome;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.lights.Play;
import co.rtm.sim.instruments.lights.Playback;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SuspensionDeviceTest {

    static final Measurements.Suspension CAR = new Measurements.Suspension(List.of(
            new Measurements.SuspensionWheel("FL", 62), new Measurements.SuspensionWheel("FR", 58.5),
            new Measurements.SuspensionWheel("RL", 71.2), new Measurements.SuspensionWheel("RR", 38.0)));
    static final List<String> WHEELS = List.of("FL", "FR", "RL", "RR");

    @Test
    void streamsTheIdentityThenOneWheelPerIntervalAndRoundTripsCloseToTheBlock() {
        SuspensionDevice d = new SuspensionDevice(CAR, Playback.noisy(11, 0.3));
        assertThat(d.tick(Play.T0)).isNotEmpty();                       // ID
        assertThat(d.tick(Play.T0.plusMillis(499))).isEmpty();
        assertThat(new String(d.tick(Play.T0.plusMillis(1000)))).contains("EU,FL,").contains("EU,FR,");
        SuspensionDevice again = new SuspensionDevice(CAR, Playback.noisy(11, 0.3));
        var o = Play.outcome(new SuspensionProcedure(WHEELS), again, Play.streamed(again, 5));
        var got = ((TestOutcome.Measured<Measurements.Suspension>) o).block().wheels();
        for (int i = 0; i < 4; i++) {
            assertThat(got.get(i).position()).isEqualTo(CAR.wheels().get(i).position());
            assertThat(got.get(i).adherencePct()).isCloseTo(CAR.wheels().get(i).adherencePct(), within(1.5));
        }
    }

    @Test
    void valueFaultsShowInTheOutcome() {
        SuspensionDevice exp = new SuspensionDevice(CAR, Playback.exact(1).with(Playback.ValueFault.EXPIRED_CALIBRATION));
        assertThat(Play.outcome(new SuspensionProcedure(WHEELS), exp, Play.streamed(exp, 5))).isInstanceOf(TestOutcome.Invalid.class);
        SuspensionDevice err = new SuspensionDevice(CAR, Playback.exact(1).with(Playback.ValueFault.ERROR_FRAME));
        assertThat(Play.outcome(new SuspensionProcedure(WHEELS), err, Play.streamed(err, 5))).isInstanceOf(TestOutcome.Invalid.class);
        SuspensionDevice stuck = new SuspensionDevice(CAR, Playback.exact(1).with(Playback.ValueFault.STUCK));
        var s = ((TestOutcome.Measured<Measurements.Suspension>) Play.outcome(new SuspensionProcedure(WHEELS), stuck,
                Play.streamed(stuck, 5))).block();
        assertThat(s.wheels()).extracting(Measurements.SuspensionWheel::adherencePct).containsOnly(62.0);
    }
}
