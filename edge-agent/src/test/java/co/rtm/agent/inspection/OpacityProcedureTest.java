package co.rtm.agent.inspection;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.Sample.GovernedSpeed;
import co.rtm.agent.instruments.Sample.OpacityPeak;
import co.rtm.agent.instruments.Sample.OpacityTrace;
import co.rtm.agent.instruments.Sample.ZeroDrift;
import co.rtm.agent.instruments.opacity.OpacityDecoder;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.OpacityUnit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static co.rtm.agent.instruments.Families1Feed.T0;
import static co.rtm.agent.instruments.Families1Feed.feed;
import static co.rtm.agent.instruments.Families1Feed.resource;
import static org.assertj.core.api.Assertions.assertThat;

class OpacityProcedureTest {

    private final List<InstrumentEvent> events = new ArrayList<>();

    private OpacityProcedureTest id(LocalDate due) {
        events.add(new Identified(T0, new DeviceIdentity("v", "m", "s", "f", due.minusYears(1), due)));
        return this;
    }

    private OpacityProcedureTest id() {
        return id(LocalDate.of(2027, 1, 1));
    }

    private OpacityProcedureTest on(Sample s) {
        events.add(new Reading(T0, s));
        return this;
    }

    private OpacityProcedureTest purge() {
        return on(new OpacityTrace(1.2)).on(new OpacityPeak(0, 1, 1.6)).on(new GovernedSpeed(1.9));
    }

    private OpacityProcedureTest set(int set, double a, double b, double c) {
        return on(new OpacityPeak(set, 1, a)).on(new GovernedSpeed(1.5)).on(new OpacityPeak(set, 2, b))
                .on(new OpacityPeak(set, 3, c));
    }

    private static TestOutcome<Measurements.Opacity> run(List<InstrumentEvent> events) {
        OpacityProcedure p = new OpacityProcedure();
        boolean done = false;
        for (InstrumentEvent e : events) {
            done = p.accept(e);
        }
        assertThat(done).as("finished").isTrue();
        return p.outcome();
    }

    private static TestOutcome<Measurements.Opacity> measured(double governed, double drift, List<List<Double>> sets) {
        return new TestOutcome.Measured<>(new Measurements.Opacity(OpacityUnit.K, OptionalDouble.of(governed), sets,
                OptionalDouble.of(drift)));
    }

    @Test
    void capturedCycleGivesItsSetTheLongestGovernedTimeAndTheDrift() {
        List<InstrumentEvent> decoded = feed(new OpacityDecoder(), resource(OpacityDecoder.class, "run-ok.bin"), 4096);
        assertThat(run(decoded)).isEqualTo(measured(2.1, -0.05, List.of(List.of(1.1, 1.2, 1.0))));
    }

    @Test
    void anInvalidSetIsKeptAndRepeated() {
        id().purge().set(1, 1.0, 1.6, 1.2).set(2, 1.1, 1.2, 1.0).on(new ZeroDrift(0.04));
        assertThat(run(events)).isEqualTo(measured(1.9, 0.04, List.of(List.of(1.0, 1.6, 1.2), List.of(1.1, 1.2, 1.0))));
    }

    @Test
    void aSpreadOfExactlyHalfIsValid() {
        id().purge().set(1, 1.5, 1.0, 1.2).on(new ZeroDrift(0.0));
        assertThat(run(events)).isEqualTo(measured(1.9, 0.0, List.of(List.of(1.5, 1.0, 1.2))));
    }

    @Test
    void measuringStopsAtTheThirdInvalidSetAndAllThreeGoToTheScorer() {
        OpacityProcedure p = new OpacityProcedure();
        id().purge().set(1, 1.0, 1.6, 1.2).set(2, 2.0, 1.0, 1.2).set(3, 1.0, 1.0, 3.0);
        events.forEach(p::accept);
        assertThat(p.prompt()).isEqualTo("Retire la sonda: midiendo la deriva del cero");
        p.accept(new Reading(T0, new ZeroDrift(0.1)));
        assertThat(p.outcome()).isEqualTo(measured(1.9, 0.1, List.of(List.of(1.0, 1.6, 1.2), List.of(2.0, 1.0, 1.2),
                List.of(1.0, 1.0, 3.0))));
    }

    @Test
    void aFourthSetIsOutOfSequence() {
        id().purge().set(1, 1.0, 1.6, 1.2).set(2, 2.0, 1.0, 1.2).set(3, 1.0, 1.0, 3.0).on(new OpacityPeak(4, 1, 1.0));
        assertThat(run(events)).isEqualTo(new TestOutcome.Invalid<>("pico fuera de secuencia: conjunto 4 pico 1"));
    }

    @Test
    void peaksWithoutThePurgeAreInvalid() {
        id().set(1, 1.0, 1.1, 1.2);
        assertThat(run(events)).isEqualTo(new TestOutcome.Invalid<>("medición sin aceleración de purga"));
    }

    @Test
    void aSkippedPeakIsInvalid() {
        id().purge().on(new OpacityPeak(1, 1, 1.0)).on(new OpacityPeak(1, 3, 1.0));
        assertThat(run(events)).isEqualTo(new TestOutcome.Invalid<>("pico fuera de secuencia: conjunto 1 pico 3"));
    }

    @Test
    void zeroDriftBeforeAValidSetIsInvalid() {
        id().purge().set(1, 1.0, 1.6, 1.2).on(new ZeroDrift(0.02));
        assertThat(run(events)).isEqualTo(new TestOutcome.Invalid<>(
                "medición de cero antes de un conjunto válido o de 3 conjuntos inválidos"));
    }

    @Test
    void aFaultMidTestIsInvalid() {
        id().purge().on(new OpacityPeak(1, 1, 1.0));
        events.add(new Fault(T0, FaultKind.STUCK_VALUE, "opacity trace stuck at 0.8 m^-1 for 40 samples"));
        assertThat(run(events)).isEqualTo(new TestOutcome.Invalid<>(
                "falla del opacímetro: opacity trace stuck at 0.8 m^-1 for 40 samples"));
    }

    @Test
    void anExpiredVerificationIsInvalid() {
        id(LocalDate.of(2025, 12, 31));
        assertThat(run(events)).isEqualTo(new TestOutcome.Invalid<>("verificación del opacímetro vencida el 2025-12-31"));
    }

    @Test
    void readingsBeforeTheIdentityAreInvalid() {
        purge();
        assertThat(run(events)).isEqualTo(new TestOutcome.Invalid<>("el opacímetro envió lecturas sin identificarse"));
    }
}
