package co.rtm.agent.inspection;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.GasCheck;
import co.rtm.agent.instruments.Sample.GasCheckKind;
import co.rtm.agent.instruments.Sample.GasSample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.Measurements.GasPhase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static co.rtm.agent.instruments.Families1Feed.T0;
import static org.assertj.core.api.Assertions.assertThat;

class GasProcedureTest {

    private final List<InstrumentEvent> events = new ArrayList<>();
    private Instant now = T0;

    private GasProcedureTest id(LocalDate due) {
        events.add(new Identified(now, new DeviceIdentity("v", "m", "s", "f", due.minusYears(1), due)));
        return this;
    }

    private GasProcedureTest ready() {
        id(LocalDate.of(2027, 1, 1));
        check(GasCheckKind.WARM_UP, false, 30).check(GasCheckKind.WARM_UP, true, 0);
        return check(GasCheckKind.LEAK, true, 0.3).check(GasCheckKind.ZERO, true, 0).check(GasCheckKind.HC_RESIDUE, true, 5);
    }

    private GasProcedureTest check(GasCheckKind kind, boolean passed, double value) {
        events.add(new Reading(now, new GasCheck(kind, passed, value)));
        return this;
    }

    /** {@code n} samples 0.5 s apart, alternating between {@code a} and {@code b} (so any even run averages them). */
    private GasProcedureTest samples(int n, GasPhase a, GasPhase b, double oilC) {
        for (int i = 0; i < n; i++) {
            GasPhase p = i % 2 == 0 ? a : b;
            now = now.plusMillis(500);
            events.add(new Reading(now, new GasSample(p.hcPpm(), p.coPct(), p.co2Pct(), p.o2Pct(), p.rpm(),
                    Double.isNaN(oilC) ? OptionalDouble.empty() : OptionalDouble.of(oilC))));
        }
        return this;
    }

    private GasProcedureTest samples(int n, GasPhase p, double oilC) {
        return samples(n, p, p, oilC);
    }

    private static final GasPhase IDLE_A = new GasPhase(840, 0.30, 14.0, 0.40, 60);
    private static final GasPhase IDLE_B = new GasPhase(860, 0.40, 14.2, 0.60, 70);
    private static final GasPhase CRUISE = new GasPhase(2500, 0.20, 14.5, 0.30, 40);

    private static TestOutcome<Measurements.Gas> run(GasProcedure p, List<InstrumentEvent> events) {
        boolean done = false;
        for (InstrumentEvent e : events) {
            done = p.accept(e);
        }
        assertThat(done).as("finished").isTrue();
        return p.outcome();
    }

    private static void assertPhase(GasPhase actual, GasPhase expected) {
        assertThat(actual.rpm()).isCloseTo(expected.rpm(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(actual.coPct()).isCloseTo(expected.coPct(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(actual.co2Pct()).isCloseTo(expected.co2Pct(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(actual.o2Pct()).isCloseTo(expected.o2Pct(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(actual.hcPpm()).isCloseTo(expected.hcPpm(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void carIsMeasuredAtIdleThenCruiseOverTheLastFiveSecondsOfTenStableOnes() {
        ready().samples(21, IDLE_A, IDLE_B, 78)                   // 10 s of idle: done at the 21st sample
                .samples(6, new GasPhase(1800, 1, 10, 2, 300), 80)   // accelerating: between bands, ignored
                .samples(21, CRUISE, 80);
        TestOutcome<Measurements.Gas> out = run(new GasProcedure(false), events);
        Measurements.Gas gas = ((TestOutcome.Measured<Measurements.Gas>) out).block();
        assertThat(gas.oilTempC()).isEqualTo(OptionalDouble.of(78));
        assertPhase(gas.idle(), new GasPhase(850, 0.35, 14.1, 0.5, 65));
        assertPhase(gas.cruise(), CRUISE);
    }

    @Test
    void theWindowIsTheLastFiveSecondsOnly() {
        // 11 samples of one value, then 10 of another: the last 5 s (10 samples) hold only the second
        ready().samples(11, IDLE_A, 78).samples(10, IDLE_B, 78).samples(21, CRUISE, 80);
        Measurements.Gas gas = ((TestOutcome.Measured<Measurements.Gas>) run(new GasProcedure(false), events)).block();
        assertPhase(gas.idle(), IDLE_B);
    }

    @Test
    void engineSpeedLeavingTheBandRestartsTheWindow() {
        GasProcedure p = new GasProcedure(false);
        ready().samples(15, IDLE_A, 78).samples(1, new GasPhase(1500, 0.3, 14, 0.4, 60), 78).samples(20, IDLE_B, 78);
        events.forEach(p::accept);
        assertThat(p.prompt()).isEqualTo("Inserte la sonda y mantenga el motor en ralentí");
        samples(1, IDLE_B, 78).events.forEach(p::accept);
        assertThat(p.prompt()).isEqualTo("Acelere y mantenga 2.500 rpm");
    }

    @Test
    void motorcycleIsMeasuredAtIdleOnlyAndAcceptsOilFromFortyDegrees() {
        ready().samples(21, new GasPhase(1500, 2.0, 12, 1, 400), 41);
        Measurements.Gas gas = ((TestOutcome.Measured<Measurements.Gas>) run(new GasProcedure(true), events)).block();
        assertThat(gas.cruise()).isNull();
        assertThat(gas.idle().rpm()).isEqualTo(1500);
    }

    @Test
    void coldOilIsInvalid() {
        ready().samples(1, IDLE_A, 59.5);
        assertThat(run(new GasProcedure(false), events)).isEqualTo(
                new TestOutcome.Invalid<>("temperatura del aceite 59.5 °C menor que 60 °C"));
    }

    @Test
    void noOilReadingIsInvalid() {
        ready().samples(1, IDLE_A, Double.NaN);
        assertThat(run(new GasProcedure(false), events)).isEqualTo(new TestOutcome.Invalid<>("sin lectura de temperatura del aceite"));
    }

    @Test
    void samplesBeforeTheChecksAreIgnored() {
        GasProcedure p = new GasProcedure(false);
        id(LocalDate.of(2027, 1, 1)).samples(30, IDLE_A, 20);   // cold engine, probe out, analyser not ready
        events.forEach(p::accept);
        assertThat(p.prompt()).isEqualTo("Analizador en calentamiento");
        events.clear();
        ready().samples(21, IDLE_A, 70).samples(21, CRUISE, 70);
        assertThat(run(p, events)).isInstanceOf(TestOutcome.Measured.class);
    }

    @Test
    void aFailedLeakCheckIsInvalid() {
        id(LocalDate.of(2027, 1, 1)).check(GasCheckKind.WARM_UP, true, 0).check(GasCheckKind.LEAK, false, 12.5);
        assertThat(run(new GasProcedure(false), events)).isEqualTo(new TestOutcome.Invalid<>("prueba de fugas fallida (valor 12.5)"));
    }

    @Test
    void aFailedResidueCheckIsInvalid() {
        id(LocalDate.of(2027, 1, 1)).check(GasCheckKind.HC_RESIDUE, false, 35);
        assertThat(run(new GasProcedure(false), events)).isEqualTo(
                new TestOutcome.Invalid<>("residuos de HC por encima del límite (valor 35.0)"));
    }

    @Test
    void aFailedZeroIsInvalid() {
        id(LocalDate.of(2027, 1, 1)).check(GasCheckKind.ZERO, false, 0.8);
        assertThat(run(new GasProcedure(false), events)).isEqualTo(new TestOutcome.Invalid<>("ajuste de cero fallido (valor 0.8)"));
    }

    @Test
    void aFaultMidTestIsInvalid() {
        ready().samples(10, IDLE_A, 78);
        events.add(new Fault(now, FaultKind.DEVICE_ERROR, "device error E07: low sample flow"));
        assertThat(run(new GasProcedure(false), events)).isEqualTo(
                new TestOutcome.Invalid<>("falla del analizador de gases: device error E07: low sample flow"));
    }

    @Test
    void anExpiredVerificationIsInvalid() {
        id(LocalDate.of(2026, 11, 1));
        assertThat(run(new GasProcedure(false), events)).isEqualTo(
                new TestOutcome.Invalid<>("verificación del analizador de gases vencida el 2026-11-01"));
    }

    @Test
    void readingsBeforeTheIdentityAreInvalid() {
        check(GasCheckKind.LEAK, true, 0);
        assertThat(run(new GasProcedure(false), events)).isEqualTo(
                new TestOutcome.Invalid<>("el analizador envió lecturas sin identificarse"));
    }
}
