package co.rtm.sim.instruments.sideslip;

import co.rtm.agent.inspection.SideslipProcedure;
import co.rtm.agent.inspection.TestOutcome;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.lights.Play;
import co.rtm.sim.instruments.lights.Playback;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SideslipDeviceTest {

    static final Measurements.Sideslip TRUCK = new Measurements.Sideslip(List.of(
            new Measurements.SideslipAxle(1, 4.0), new Measurements.SideslipAxle(2, -2.5), new Measurements.SideslipAxle(3, 11.2)));

    @Test
    void roundTripsEveryAxleWithItsSign() {
        SideslipDevice exact = new SideslipDevice(TRUCK, Playback.exact(2));
        assertThat(new String(Play.streamed(exact, 3))).contains("SS,1,+4.0").contains("SS,2,-2.5");
        SideslipDevice d = new SideslipDevice(TRUCK, Playback.noisy(2, 0.2));
        var got = ((TestOutcome.Measured<Measurements.Sideslip>) Play.outcome(new SideslipProcedure(3), d, Play.streamed(d, 3))).block();
        for (int i = 0; i < 3; i++) {
            assertThat(got.axles().get(i).axle()).isEqualTo(i + 1);
            assertThat(got.axles().get(i).mPerKm()).isCloseTo(TRUCK.axles().get(i).mPerKm(), within(1.0));
        }
    }

    @Test
    void aDriftingPlateWalksAwayAndAnErroringOneIsInvalid() {
        SideslipDevice d = new SideslipDevice(TRUCK, Playback.exact(2).with(Playback.ValueFault.DRIFT));
        var got = ((TestOutcome.Measured<Measurements.Sideslip>) Play.outcome(new SideslipProcedure(3), d, Play.streamed(d, 3))).block();
        assertThat(got.axles()).extracting(Measurements.SideslipAxle::mPerKm).containsExactly(4.0, -2.0, 12.2);
        SideslipDevice err = new SideslipDevice(TRUCK, Playback.exact(2).with(Playback.ValueFault.ERROR_FRAME));
        assertThat(Play.outcome(new SideslipProcedure(3), err, Play.streamed(err, 3))).isInstanceOf(TestOutcome.Invalid.class);
    }
}
