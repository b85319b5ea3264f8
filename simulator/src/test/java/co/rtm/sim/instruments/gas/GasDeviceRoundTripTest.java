package co.rtm.sim.instruments.gas;

import co.rtm.agent.inspection.GasProcedure;
import co.rtm.agent.inspection.TestOutcome;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.agent.instruments.gas.GasDecoder;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.Measurements.GasPhase;
import co.rtm.sim.instruments.gas.GasDevice.Config;
import co.rtm.sim.instruments.gas.GasDevice.ValueFault;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Simulated analyser -> bytes -> decoder -> procedure gives back the truth within the noise. */
class GasDeviceRoundTripTest {

    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");

    static final Measurements.Gas CAR = new Measurements.Gas(OptionalDouble.of(82),
            new GasPhase(850, 0.30, 14.2, 0.40, 60), new GasPhase(2500, 0.20, 14.5, 0.30, 40));
    static final Measurements.Gas MOTO = new Measurements.Gas(OptionalDouble.of(55),
            new GasPhase(1400, 1.8, 11.5, 2.1, 450), null);

    static List<InstrumentEvent> play(GasDevice device) {
        GasDecoder decoder = new GasDecoder();
        List<InstrumentEvent> events = new ArrayList<>();
        for (Instant t = T0; !device.finished(); t = t.plusMillis(100)) {
            byte[] bytes = device.tick(t);
            decoder.feed(bytes, 0, bytes.length, t, events::add);
        }
        return events;
    }

    static TestOutcome<Measurements.Gas> outcome(GasProcedure p, List<InstrumentEvent> events) {
        for (InstrumentEvent e : events) {
            if (p.accept(e)) {
                return p.outcome();
            }
        }
        throw new AssertionError("the procedure did not finish; prompt: " + p.prompt());
    }

    /** Tolerances: about four standard errors of a 10-sample mean of the device's noise. */
    static void assertClose(GasPhase actual, GasPhase truth) {
        assertThat(actual.rpm()).isCloseTo(truth.rpm(), within(15.0));
        assertThat(actual.hcPpm()).isCloseTo(truth.hcPpm(), within(3.0));
        assertThat(actual.coPct()).isCloseTo(truth.coPct(), within(0.02));
        assertThat(actual.co2Pct()).isCloseTo(truth.co2Pct(), within(0.08));
        assertThat(actual.o2Pct()).isCloseTo(truth.o2Pct(), within(0.03));
    }

    @Test
    void aCarComesBackAsItsTruth() {
        List<InstrumentEvent> events = play(new GasDevice(CAR, Config.clean(11)));
        assertThat(events).noneMatch(e -> e instanceof Fault);
        Measurements.Gas gas = ((TestOutcome.Measured<Measurements.Gas>) outcome(new GasProcedure(false), events)).block();
        assertThat(gas.oilTempC().getAsDouble()).isCloseTo(82, within(1.5));
        assertClose(gas.idle(), CAR.idle());
        assertClose(gas.cruise(), CAR.cruise());
    }

    @Test
    void aMotorcycleComesBackAtIdleOnly() {
        Measurements.Gas gas = ((TestOutcome.Measured<Measurements.Gas>)
                outcome(new GasProcedure(true), play(new GasDevice(MOTO, Config.clean(12))))).block();
        assertClose(gas.idle(), MOTO.idle());
        assertThat(gas.cruise()).isNull();
    }

    @Test
    void aColdCarIsInvalid() {
        Measurements.Gas cold = new Measurements.Gas(OptionalDouble.of(45), CAR.idle(), CAR.cruise());
        assertThat(outcome(new GasProcedure(false), play(new GasDevice(cold, Config.clean(13)))))
                .isInstanceOfSatisfying(TestOutcome.Invalid.class,
                        i -> assertThat(i.reason()).startsWith("temperatura del aceite 4").endsWith("menor que 60 °C"));
    }

    @Test
    void aFrozenBenchIsCaughtAndInvalidates() {
        List<InstrumentEvent> events = play(new GasDevice(CAR, new Config(14, ValueFault.STUCK)));
        assertThat(events).filteredOn(e -> e instanceof Fault).extracting(e -> ((Fault) e).kind())
                .containsExactly(FaultKind.STUCK_VALUE);
        assertThat(outcome(new GasProcedure(false), events)).isInstanceOfSatisfying(TestOutcome.Invalid.class,
                i -> assertThat(i.reason()).startsWith("falla del analizador de gases: gas readings stuck"));
    }

    @Test
    void anErrorFrameInvalidates() {
        assertThat(outcome(new GasProcedure(false), play(new GasDevice(CAR, new Config(15, ValueFault.ERROR_FRAME)))))
                .isEqualTo(new TestOutcome.Invalid<>("falla del analizador de gases: device error E07: low sample flow"));
    }

    @Test
    void aFailedLeakCheckInvalidates() {
        assertThat(outcome(new GasProcedure(false), play(new GasDevice(CAR, new Config(16, ValueFault.LEAK_CHECK_FAILED)))))
                .isEqualTo(new TestOutcome.Invalid<>("prueba de fugas fallida (valor 12.5)"));
    }

    @Test
    void anExpiredVerificationInvalidates() {
        assertThat(outcome(new GasProcedure(false), play(new GasDevice(CAR, new Config(17, ValueFault.EXPIRED_CALIBRATION)))))
                .isEqualTo(new TestOutcome.Invalid<>("verificación del analizador de gases vencida el 2026-10-16"));
    }

    @Test
    void driftIsAValueFaultTheWireCannotShow() {
        List<InstrumentEvent> events = play(new GasDevice(CAR, new Config(18, ValueFault.DRIFT)));
        assertThat(events).noneMatch(e -> e instanceof Fault);
        Measurements.Gas gas = ((TestOutcome.Measured<Measurements.Gas>) outcome(new GasProcedure(false), events)).block();
        assertThat(gas.cruise().hcPpm()).isGreaterThan(CAR.cruise().hcPpm() + 20);
    }

    @Test
    void answersIdentityAndAcknowledgesCommands() {
        GasDevice device = new GasDevice(CAR, Config.clean(19));
        assertThat(new String(device.onCommand(AsciiFrames.encode("?ID"), T0), StandardCharsets.US_ASCII))
                .contains("ID,RTM-Sim,AG-500,GA19,5.0.3,2026-07-23,2027-07-23");
        assertThat(new String(device.onCommand(AsciiFrames.encode("CK"), T0), StandardCharsets.US_ASCII)).contains("AK,CK");
    }
}
