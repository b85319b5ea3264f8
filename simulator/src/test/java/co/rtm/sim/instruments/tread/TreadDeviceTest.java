package co.rtm.sim.instruments.tread;

import co.rtm.agent.inspection.TestOutcome;
import co.rtm.agent.inspection.TreadProcedure;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.lights.Play;
import co.rtm.sim.instruments.lights.Playback;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TreadDeviceTest {

    static final List<String> TWIN = List.of("FL", "FR", "RLO", "RLI", "RRI", "RRO");
    static final Measurements.Tyres TYRES = new Measurements.Tyres(List.of(3.1, 3.0, 2.8, 2.9, 1.7, 2.2));

    @Test
    void roundTripsEveryTyreInPositionOrder() {
        TreadDevice d = new TreadDevice(TYRES, TWIN, Playback.noisy(9, 0.05));
        var got = ((TestOutcome.Measured<Measurements.Tyres>) Play.outcome(new TreadProcedure(TWIN), d, Play.streamed(d, 4))).block();
        for (int i = 0; i < TYRES.treadDepthsMm().size(); i++) {
            assertThat(got.treadDepthsMm().get(i)).isCloseTo(TYRES.treadDepthsMm().get(i), within(0.25));
        }
        assertThatThrownBy(() -> new TreadDevice(TYRES, List.of("F"), Playback.exact(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExpiredGaugeIsInvalid() {
        TreadDevice d = new TreadDevice(TYRES, TWIN, Playback.exact(9).with(Playback.ValueFault.EXPIRED_CALIBRATION));
        assertThat(Play.outcome(new TreadProcedure(TWIN), d, Play.streamed(d, 4))).isInstanceOfSatisfying(TestOutcome.Invalid.class,
                i -> assertThat(i.reason()).startsWith("calibración del profundímetro vencida"));
    }
}
