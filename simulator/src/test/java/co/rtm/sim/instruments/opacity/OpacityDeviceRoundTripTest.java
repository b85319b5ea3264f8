package co.rtm.sim.instruments.opacity;

import co.rtm.agent.inspection.OpacityProcedure;
import co.rtm.agent.inspection.TestOutcome;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.agent.instruments.opacity.OpacityDecoder;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.OpacityUnit;
import co.rtm.sim.instruments.opacity.OpacityDevice.Config;
import co.rtm.sim.instruments.opacity.OpacityDevice.ValueFault;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Simulated opacimeter -> bytes -> decoder -> procedure gives back the truth within the noise. */
class OpacityDeviceRoundTripTest {

    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");

    static final Measurements.Opacity ONE_SET = new Measurements.Opacity(OpacityUnit.K, OptionalDouble.of(2.1),
            List.of(List.of(1.1, 1.2, 1.0)), OptionalDouble.of(0.05));
    static final Measurements.Opacity REPEATED = new Measurements.Opacity(OpacityUnit.K, OptionalDouble.of(1.4),
            List.of(List.of(2.0, 3.0, 2.2), List.of(2.1, 2.3, 2.2)), OptionalDouble.of(0.02));
    static final Measurements.Opacity THREE_BAD = new Measurements.Opacity(OpacityUnit.K, OptionalDouble.of(1.4),
            List.of(List.of(2.0, 3.0, 2.2), List.of(4.1, 2.3, 2.2), List.of(1.0, 1.0, 2.0)), OptionalDouble.of(0.02));

    static List<InstrumentEvent> play(OpacityDevice device) {
        OpacityDecoder decoder = new OpacityDecoder();
        List<InstrumentEvent> events = new ArrayList<>();
        for (Instant t = T0; !device.finished(); t = t.plusMillis(50)) {
            byte[] bytes = device.tick(t);
            decoder.feed(bytes, 0, bytes.length, t, events::add);
        }
        return events;
    }

    static TestOutcome<Measurements.Opacity> outcome(List<InstrumentEvent> events) {
        OpacityProcedure p = new OpacityProcedure();
        for (InstrumentEvent e : events) {
            if (p.accept(e)) {
                return p.outcome();
            }
        }
        throw new AssertionError("the procedure did not finish; prompt: " + p.prompt());
    }

    static void assertClose(Measurements.Opacity actual, Measurements.Opacity truth) {
        assertThat(actual.unit()).isEqualTo(OpacityUnit.K);
        assertThat(actual.governedSpeedReachedS().getAsDouble()).isEqualTo(truth.governedSpeedReachedS().getAsDouble());
        assertThat(actual.zeroDriftK().getAsDouble()).isEqualTo(truth.zeroDriftK().getAsDouble());
        assertThat(actual.sets()).hasSameSizeAs(truth.sets());
        for (int s = 0; s < truth.sets().size(); s++) {
            for (int p = 0; p < 3; p++) {
                assertThat(actual.sets().get(s).get(p)).as("set %d peak %d", s + 1, p + 1)
                        .isCloseTo(truth.sets().get(s).get(p), within(0.09));
            }
        }
    }

    private static Measurements.Opacity measured(TestOutcome<Measurements.Opacity> out) {
        return ((TestOutcome.Measured<Measurements.Opacity>) out).block();
    }

    @Test
    void oneValidSetComesBackAsItsTruth() {
        List<InstrumentEvent> events = play(new OpacityDevice(ONE_SET, Config.clean(21)));
        assertThat(events).noneMatch(e -> e instanceof Fault);
        assertClose(measured(outcome(events)), ONE_SET);
    }

    @Test
    void anInvalidSetThenAValidOneComeBackInOrder() {
        assertClose(measured(outcome(play(new OpacityDevice(REPEATED, Config.clean(22))))), REPEATED);
    }

    @Test
    void threeInvalidSetsComeBackForTheScorer() {
        assertClose(measured(outcome(play(new OpacityDevice(THREE_BAD, Config.clean(23))))), THREE_BAD);
    }

    @Test
    void truthInPercentIsPlayedInK() {
        // 37.5 % over 430 mm is k = 1.09 m^-1
        Measurements.Opacity percent = new Measurements.Opacity(OpacityUnit.PERCENT, OptionalDouble.of(2.0),
                List.of(List.of(37.5, 37.5, 37.5)), OptionalDouble.of(0.0));
        Measurements.Opacity read = measured(outcome(play(new OpacityDevice(percent, Config.clean(24)))));
        assertThat(read.sets().get(0)).allSatisfy(k -> assertThat(k).isCloseTo(1.09, within(0.09)));
    }

    @Test
    void aFrozenCellIsCaughtAndInvalidates() {
        List<InstrumentEvent> events = play(new OpacityDevice(ONE_SET, new Config(25, ValueFault.STUCK)));
        assertThat(events).filteredOn(e -> e instanceof Fault).extracting(e -> ((Fault) e).kind())
                .containsExactly(FaultKind.STUCK_VALUE);
        assertThat(outcome(events)).isInstanceOfSatisfying(TestOutcome.Invalid.class,
                i -> assertThat(i.reason()).startsWith("falla del opacímetro: opacity trace stuck"));
    }

    @Test
    void anErrorFrameInvalidates() {
        assertThat(outcome(play(new OpacityDevice(ONE_SET, new Config(26, ValueFault.ERROR_FRAME))))).isEqualTo(
                new TestOutcome.Invalid<>("falla del opacímetro: device error E21: smoke chamber below temperature"));
    }

    @Test
    void anExpiredVerificationInvalidates() {
        assertThat(outcome(play(new OpacityDevice(ONE_SET, new Config(27, ValueFault.EXPIRED_CALIBRATION))))).isEqualTo(
                new TestOutcome.Invalid<>("verificación del opacímetro vencida el 2026-10-16"));
    }

    @Test
    void driftShowsInTheZeroDriftTheScorerJudges() {
        Measurements.Opacity read = measured(outcome(play(new OpacityDevice(ONE_SET, new Config(28, ValueFault.DRIFT)))));
        assertThat(read.zeroDriftK().getAsDouble()).isGreaterThan(0.15);
    }

    @Test
    void answersIdentityAndAcknowledgesCommands() {
        OpacityDevice device = new OpacityDevice(ONE_SET, Config.clean(29));
        assertThat(new String(device.onCommand(AsciiFrames.encode("?ID"), T0), StandardCharsets.US_ASCII))
                .contains("ID,RTM-Sim,OP-430,OP29,3.1.0,2026-07-23,2027-07-23");
        assertThat(new String(device.onCommand(AsciiFrames.encode("ST"), T0), StandardCharsets.US_ASCII)).contains("AK,ST");
    }
}
