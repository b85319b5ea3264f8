package co.rtm.sim.instruments.lights;

import co.rtm.agent.inspection.LightsProcedure;
import co.rtm.agent.inspection.TestOutcome;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.profiles.inspection.Measurements;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LightsDeviceTest {

    static final Measurements.Lights CAR = new Measurements.Lights(List.of(
            new Measurements.LowBeam("left", 24.5, 1.2), new Measurements.LowBeam("right", 23.1, 1.35)), OptionalDouble.of(95.2));
    static final String[] POLL = {"?ID", "?LB,L", "?LB,R", "?SU"};

    @Test
    void anExactDevicePlaysTheBlockBackThroughDecoderAndProcedure() {
        LightsDevice d = new LightsDevice(CAR, Playback.exact(1));
        assertThat(d.tick(Play.T0)).as("polled: silent until asked").isEmpty();
        TestOutcome<Measurements.Lights> o = Play.outcome(new LightsProcedure(List.of("left", "right"), true), d, Play.polled(d, POLL));
        assertThat(o).isEqualTo(new TestOutcome.Measured<>(CAR));
    }

    @Test
    void aNoisyDeviceIsCloseAndTheSameSeedGivesTheSameBytes() {
        byte[] a = Play.polled(new LightsDevice(CAR, Playback.noisy(5, 0.05)), POLL);
        assertThat(Play.polled(new LightsDevice(CAR, Playback.noisy(5, 0.05)), POLL)).isEqualTo(a);
        assertThat(Play.polled(new LightsDevice(CAR, Playback.noisy(6, 0.05)), POLL)).isNotEqualTo(a);
        var o = Play.outcome(new LightsProcedure(List.of("left", "right"), true), new LightsDevice(CAR, Playback.noisy(5, 0.05)), a);
        Measurements.Lights got = ((TestOutcome.Measured<Measurements.Lights>) o).block();
        assertThat(got.lowBeams().get(0).intensityKlux()).isCloseTo(24.5, within(0.3));
        assertThat(got.lowBeams().get(1).inclinationPct()).isCloseTo(1.35, within(0.3));
        assertThat(got.simultaneousSumKlux().getAsDouble()).isCloseTo(95.2, within(0.3));
    }

    @Test
    void anExpiredCalibrationOrAnErrorFrameMakesTheTestInvalid() {
        LightsDevice expired = new LightsDevice(CAR, Playback.exact(1).with(Playback.ValueFault.EXPIRED_CALIBRATION));
        byte[] bytes = Play.polled(expired, POLL);
        assertThat(Play.decode(expired, bytes).get(0)).isInstanceOfSatisfying(Identified.class,
                id -> assertThat(id.identity().verificationDue()).hasToString("2026-10-16"));
        assertThat(Play.outcome(LightsProcedureFor.car(), expired, bytes)).isInstanceOfSatisfying(TestOutcome.Invalid.class,
                i -> assertThat(i.reason()).isEqualTo("calibración del luxómetro vencida el 2026-10-16"));

        LightsDevice erring = new LightsDevice(CAR, Playback.exact(1).with(Playback.ValueFault.ERROR_FRAME));
        assertThat(Play.outcome(LightsProcedureFor.car(), erring, Play.polled(erring, POLL)))
                .isInstanceOfSatisfying(TestOutcome.Invalid.class, i -> assertThat(i.reason()).contains("DEVICE_ERROR"));
    }

    @Test
    void aStuckDeviceRepeatsItsFirstValuesAndADriftingOneWalksAway() {
        LightsDevice stuck = new LightsDevice(CAR, Playback.noisy(3, 0.5).with(Playback.ValueFault.STUCK));
        var s = ((TestOutcome.Measured<Measurements.Lights>) Play.outcome(LightsProcedureFor.car(), stuck, Play.polled(stuck, POLL))).block();
        assertThat(s.lowBeams().get(1).intensityKlux()).isEqualTo(s.lowBeams().get(0).intensityKlux());
        assertThat(s.lowBeams().get(1).inclinationPct()).isEqualTo(s.lowBeams().get(0).inclinationPct());

        LightsDevice drifting = new LightsDevice(CAR, Playback.exact(3).with(Playback.ValueFault.DRIFT));
        var dr = ((TestOutcome.Measured<Measurements.Lights>) Play.outcome(LightsProcedureFor.car(), drifting, Play.polled(drifting, POLL))).block();
        assertThat(dr.lowBeams().get(0).intensityKlux()).isEqualTo(24.5);   // first record: exact
        assertThat(dr.lowBeams().get(1).intensityKlux()).isEqualTo(23.6);   // second: +0.5
        assertThat(dr.simultaneousSumKlux().getAsDouble()).isEqualTo(96.2); // third: +1.0
    }

    @Test
    void aSideTheVehicleHasNotGotOrAnUnknownCommandIsAnErrorFrame() {
        LightsDevice d = new LightsDevice(CAR, Playback.exact(1));
        assertThat(Play.decode(d, Play.polled(d, "?LB,C", "?XX"))).allSatisfy(e -> assertThat(e)
                .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(FaultKind.DEVICE_ERROR)));
    }

    /** The car procedure. */
    static final class LightsProcedureFor {
        static LightsProcedure car() { return new LightsProcedure(List.of("left", "right"), true); }
    }
}
