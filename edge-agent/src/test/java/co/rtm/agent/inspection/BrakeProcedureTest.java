package co.rtm.agent.inspection;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.Sample.AxleWeight;
import co.rtm.agent.instruments.Sample.BrakeForce;
import co.rtm.agent.instruments.Sample.Circuit;
import co.rtm.agent.instruments.Sample.Wheel;
import co.rtm.agent.instruments.brake.BrakeDecoder;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.Measurements.BrakeAxle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import static co.rtm.agent.instruments.Families1Feed.T0;
import static co.rtm.agent.instruments.Families1Feed.feed;
import static co.rtm.agent.instruments.Families1Feed.resource;
import static org.assertj.core.api.Assertions.assertThat;

class BrakeProcedureTest {

    private static final OptionalDouble NONE = OptionalDouble.empty();

    private final List<InstrumentEvent> events = new ArrayList<>();

    private static BrakeProcedure car() {
        return new BrakeProcedure(2, false, Set.of(2));
    }

    private static TestOutcome<Measurements.Brakes> run(BrakeProcedure p, List<InstrumentEvent> events) {
        boolean done = false;
        for (InstrumentEvent e : events) {
            done = p.accept(e);
        }
        assertThat(done).as("finished").isTrue();
        return p.outcome();
    }

    private BrakeProcedureTest id(LocalDate due) {
        events.add(new Identified(T0, new DeviceIdentity("v", "m", "s", "f", due.minusYears(1), due)));
        return this;
    }

    private BrakeProcedureTest id() {
        return id(LocalDate.of(2027, 6, 30));
    }

    private BrakeProcedureTest weight(int axle, double n) {
        return reading(new AxleWeight(axle, n));
    }

    private BrakeProcedureTest forces(int axle, Circuit c, double... leftRight) {
        for (int i = 0; i < leftRight.length; i += 2) {
            reading(new BrakeForce(axle, Wheel.LEFT, c, leftRight[i]));
            reading(new BrakeForce(axle, Wheel.RIGHT, c, leftRight[i + 1]));
        }
        return this;
    }

    private BrakeProcedureTest fault() {
        events.add(new Fault(T0, FaultKind.BAD_CHECKSUM, "checksum 00 does not match"));
        return this;
    }

    private BrakeProcedureTest reading(Sample s) {
        events.add(new Reading(T0, s));
        return this;
    }

    /** Axle 1 measured cleanly; axle 2 on the rollers with its service run done. */
    private BrakeProcedureTest carUpToAxle2Service() {
        return id().weight(1, 5200).forces(1, Circuit.SERVICE, 100, 90, 1900, 1800, 0, 0).weight(1, 0)
                .weight(2, 4100).forces(2, Circuit.SERVICE, 1200, 1150);
    }

    @Test
    void capturedCarRunGivesTheMaximumPerWheelAndCircuit() {
        List<InstrumentEvent> decoded = feed(new BrakeDecoder(), resource(BrakeDecoder.class, "run-ok.bin"), 4096);
        assertThat(run(car(), decoded)).isEqualTo(new TestOutcome.Measured<>(new Measurements.Brakes(List.of(
                new BrakeAxle(5200, OptionalDouble.of(1900), OptionalDouble.of(1800), NONE, NONE, NONE),
                new BrakeAxle(4100, OptionalDouble.of(1200), OptionalDouble.of(1150),
                        OptionalDouble.of(600), OptionalDouble.of(550), NONE)))));
    }

    @Test
    void capturedMotorcycleRunGivesOneServiceForcePerAxle() {
        List<InstrumentEvent> decoded = feed(new BrakeDecoder(), resource(BrakeDecoder.class, "moto-ok.bin"), 4096);
        assertThat(run(new BrakeProcedure(1, true, Set.of()), decoded)).isEqualTo(new TestOutcome.Measured<>(
                new Measurements.Brakes(List.of(new BrakeAxle(1200, NONE, NONE, NONE, NONE, OptionalDouble.of(620.5))))));
    }

    @Test
    void promptsFollowTheRun() {
        BrakeProcedure p = car();
        assertThat(p.prompt()).isEqualTo("Esperando identificación del frenómetro");
        id().events.forEach(p::accept);
        assertThat(p.prompt()).isEqualTo("Suba el eje 1 a los rodillos");
        p.accept(new Reading(T0, new AxleWeight(1, 5000)));
        assertThat(p.prompt()).isEqualTo("Eje 1: frene a fondo con el pedal de servicio");
    }

    @Test
    void aFaultMidRunAllowsOneRepeatThatReplacesTheRun() {
        carUpToAxle2Service().weight(2, 4100).forces(2, Circuit.PARKING, 300, 310).fault()
                .forces(2, Circuit.PARKING, 9000, 9000)           // the tail of the voided run is ignored
                .weight(2, 4120).forces(2, Circuit.PARKING, 580, 540).weight(2, 0);
        TestOutcome<Measurements.Brakes> out = run(car(), events);
        assertThat(out).isInstanceOf(TestOutcome.Measured.class);
        BrakeAxle axle2 = ((TestOutcome.Measured<Measurements.Brakes>) out).block().axles().get(1);
        assertThat(axle2).isEqualTo(new BrakeAxle(4120, OptionalDouble.of(1200), OptionalDouble.of(1150),
                OptionalDouble.of(580), OptionalDouble.of(540), NONE));
    }

    @Test
    void aSecondFaultInTheSameRunIsInvalid() {
        id().weight(1, 5200).forces(1, Circuit.SERVICE, 500, 500).fault()
                .weight(1, 5200).forces(1, Circuit.SERVICE, 600, 600).fault();
        assertThat(run(car(), events)).isEqualTo(new TestOutcome.Invalid<>(
                "falla repetida en la corrida de servicio del eje 1: checksum 00 does not match"));
    }

    @Test
    void leavingWithoutRepeatingAVoidedRunIsInvalid() {
        carUpToAxle2Service().weight(2, 4100).forces(2, Circuit.PARKING, 300, 310).fault().weight(2, 0);
        assertThat(run(car(), events)).isEqualTo(new TestOutcome.Invalid<>("el eje 2 salió sin prueba de freno de parqueo"));
    }

    @Test
    void aFaultWithNoAxleOnTheRollersIsInvalid() {
        id().fault();
        assertThat(run(car(), events)).isEqualTo(new TestOutcome.Invalid<>(
                "falla del frenómetro sin eje en los rodillos: checksum 00 does not match"));
    }

    @Test
    void anExpiredVerificationIsInvalid() {
        id(LocalDate.of(2026, 11, 19));
        assertThat(run(car(), events)).isEqualTo(new TestOutcome.Invalid<>("verificación del frenómetro vencida el 2026-11-19"));
    }

    @Test
    void theDueDayItselfIsStillValid() {
        // T0 is 2026-11-20 10:00 in Bogota
        BrakeProcedure p = car();
        id(LocalDate.of(2026, 11, 20)).events.forEach(p::accept);
        assertThat(p.prompt()).isEqualTo("Suba el eje 1 a los rodillos");
    }

    @Test
    void readingsBeforeTheIdentityAreInvalid() {
        weight(1, 5200);
        assertThat(run(car(), events)).isEqualTo(new TestOutcome.Invalid<>("el frenómetro envió lecturas sin identificarse"));
    }

    @Test
    void axlesOutOfOrderAreInvalid() {
        id().weight(2, 4100);
        assertThat(run(car(), events)).isEqualTo(new TestOutcome.Invalid<>("se esperaba el eje 1 y subió el eje 2"));
    }

    @Test
    void parkingBeforeServiceIsInvalid() {
        id().weight(1, 5200).forces(1, Circuit.PARKING, 300, 300);
        assertThat(run(car(), events)).isEqualTo(new TestOutcome.Invalid<>("freno de parqueo del eje 1 antes que el de servicio"));
    }

    @Test
    void anAxleLeavingWithoutItsParkingRunIsInvalid() {
        carUpToAxle2Service().weight(2, 0);
        assertThat(run(car(), events)).isEqualTo(new TestOutcome.Invalid<>("el eje 2 salió sin prueba de freno de parqueo"));
    }

    @Test
    void aRunRepeatedWithoutAFaultIsInvalid() {
        id().weight(1, 5200).forces(1, Circuit.SERVICE, 1900, 1800).weight(1, 5200).forces(1, Circuit.SERVICE, 2500, 2500);
        assertThat(run(car(), events)).isEqualTo(new TestOutcome.Invalid<>("corrida de servicio del eje 1 repetida sin falla"));
    }

    @Test
    void aSingleWheelOnACarIsInvalid() {
        id().weight(1, 5200).reading(new BrakeForce(1, Wheel.SINGLE, Circuit.SERVICE, 100));
        assertThat(run(car(), events)).isEqualTo(new TestOutcome.Invalid<>(
                "el frenómetro midió una rueda SINGLE que este vehículo no tiene"));
    }

    @Test
    void abortMakesItInvalidAndLaterEventsAreIgnored() {
        BrakeProcedure p = car();
        id().events.forEach(p::accept);
        p.abort("parada de emergencia");
        assertThat(p.accept(new Reading(Instant.EPOCH, new AxleWeight(1, 5000)))).isTrue();
        assertThat(p.outcome()).isEqualTo(new TestOutcome.Invalid<>("parada de emergencia"));
    }
}
