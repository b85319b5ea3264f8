package co.rtm.sim.instruments.brake;

import co.rtm.agent.inspection.BrakeProcedure;
import co.rtm.agent.inspection.TestOutcome;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.brake.BrakeDecoder;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.Measurements.BrakeAxle;
import co.rtm.sim.instruments.brake.BrakeDevice.Config;
import co.rtm.sim.instruments.brake.BrakeDevice.ValueFault;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Simulated tester -> bytes -> decoder -> procedure gives back the truth within the noise. */
class BrakeDeviceRoundTripTest {

    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
    private static final OptionalDouble NONE = OptionalDouble.empty();

    static final Measurements.Brakes CAR = new Measurements.Brakes(List.of(
            new BrakeAxle(5200, OptionalDouble.of(1900), OptionalDouble.of(1800), NONE, NONE, NONE),
            new BrakeAxle(4100, OptionalDouble.of(1200), OptionalDouble.of(1150), OptionalDouble.of(600),
                    OptionalDouble.of(550), NONE)));
    static final Measurements.Brakes MOTO = new Measurements.Brakes(List.of(
            new BrakeAxle(1200, NONE, NONE, NONE, NONE, OptionalDouble.of(700)),
            new BrakeAxle(1500, NONE, NONE, NONE, NONE, OptionalDouble.of(450))));

    /** Plays the device in 50 ms ticks until it is done; returns every event the decoder produced. */
    static List<InstrumentEvent> play(BrakeDevice device, ByteArrayOutputStream wire) {
        BrakeDecoder decoder = new BrakeDecoder();
        List<InstrumentEvent> events = new ArrayList<>();
        for (Instant t = T0; !device.finished(); t = t.plusMillis(50)) {
            byte[] bytes = device.tick(t);
            wire.writeBytes(bytes);
            decoder.feed(bytes, 0, bytes.length, t, events::add);
        }
        return events;
    }

    static TestOutcome<Measurements.Brakes> outcome(BrakeProcedure p, List<InstrumentEvent> events) {
        for (InstrumentEvent e : events) {
            if (p.accept(e)) {
                return p.outcome();
            }
        }
        throw new AssertionError("the procedure did not finish; prompt: " + p.prompt());
    }

    static void assertClose(Measurements.Brakes actual, Measurements.Brakes truth) {
        assertThat(actual.axles()).hasSameSizeAs(truth.axles());
        for (int i = 0; i < truth.axles().size(); i++) {
            BrakeAxle a = actual.axles().get(i), t = truth.axles().get(i);
            assertThat(a.weightN()).as("weight %d", i + 1).isCloseTo(t.weightN(), within(t.weightN() * 0.015));
            close(a.serviceLeftN(), t.serviceLeftN());
            close(a.serviceRightN(), t.serviceRightN());
            close(a.parkingLeftN(), t.parkingLeftN());
            close(a.parkingRightN(), t.parkingRightN());
            close(a.serviceN(), t.serviceN());
        }
    }

    private static void close(OptionalDouble actual, OptionalDouble truth) {
        assertThat(actual.isPresent()).isEqualTo(truth.isPresent());
        if (truth.isPresent()) {
            // the run's maximum is the truth; noise only pulls samples down
            assertThat(actual.getAsDouble()).isCloseTo(truth.getAsDouble(), within(0.1));
        }
    }

    @Test
    void aCarComesBackAsItsTruth() {
        List<InstrumentEvent> events = play(new BrakeDevice(CAR, Config.clean(7)), new ByteArrayOutputStream());
        assertThat(events).noneMatch(e -> e instanceof Fault);
        TestOutcome<Measurements.Brakes> out = outcome(new BrakeProcedure(2, false, Set.of(2)), events);
        assertClose(((TestOutcome.Measured<Measurements.Brakes>) out).block(), CAR);
    }

    @Test
    void aMotorcycleComesBackAsItsTruth() {
        List<InstrumentEvent> events = play(new BrakeDevice(MOTO, Config.clean(8)), new ByteArrayOutputStream());
        TestOutcome<Measurements.Brakes> out = outcome(new BrakeProcedure(2, true, Set.of()), events);
        assertClose(((TestOutcome.Measured<Measurements.Brakes>) out).block(), MOTO);
    }

    @Test
    void theSameSeedPlaysTheSameBytesAndNoiseIsReal() {
        ByteArrayOutputStream a = new ByteArrayOutputStream(), b = new ByteArrayOutputStream(), c = new ByteArrayOutputStream();
        play(new BrakeDevice(CAR, Config.clean(1)), a);
        play(new BrakeDevice(CAR, Config.clean(1)), b);
        play(new BrakeDevice(CAR, Config.clean(2)), c);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray()).isNotEqualTo(c.toByteArray());
    }

    @Test
    void anErrorFrameVoidsTheRunAndTheCleanRepeatIsMeasured() {
        List<InstrumentEvent> events = play(new BrakeDevice(CAR, new Config(3, ValueFault.ERROR_FRAME)),
                new ByteArrayOutputStream());
        assertThat(events).filteredOn(e -> e instanceof Fault).extracting(e -> ((Fault) e).kind())
                .containsExactly(FaultKind.DEVICE_ERROR);
        TestOutcome<Measurements.Brakes> out = outcome(new BrakeProcedure(2, false, Set.of(2)), events);
        assertClose(((TestOutcome.Measured<Measurements.Brakes>) out).block(), CAR);
    }

    @Test
    void aStuckLoadCellIsCaughtAndItsRepeatFailsToo() {
        List<InstrumentEvent> events = play(new BrakeDevice(CAR, new Config(4, ValueFault.STUCK)), new ByteArrayOutputStream());
        assertThat(events).filteredOn(e -> e instanceof Fault).extracting(e -> ((Fault) e).kind())
                .containsExactly(FaultKind.STUCK_VALUE, FaultKind.STUCK_VALUE);
        assertThat(outcome(new BrakeProcedure(2, false, Set.of(2)), events)).isInstanceOfSatisfying(TestOutcome.Invalid.class,
                i -> assertThat(i.reason()).startsWith("falla repetida en la corrida de servicio del eje 1: left brake force stuck"));
    }

    @Test
    void anExpiredVerificationMakesTheTestInvalid() {
        List<InstrumentEvent> events = play(new BrakeDevice(CAR, new Config(5, ValueFault.EXPIRED_CALIBRATION)),
                new ByteArrayOutputStream());
        assertThat(outcome(new BrakeProcedure(2, false, Set.of(2)), events)).isInstanceOfSatisfying(TestOutcome.Invalid.class,
                i -> assertThat(i.reason()).isEqualTo("verificación del frenómetro vencida el 2026-10-16"));
    }

    @Test
    void driftIsAValueFaultTheWireCannotShow() {
        List<InstrumentEvent> events = play(new BrakeDevice(CAR, new Config(6, ValueFault.DRIFT)), new ByteArrayOutputStream());
        assertThat(events).noneMatch(e -> e instanceof Fault);
        Measurements.Brakes read = ((TestOutcome.Measured<Measurements.Brakes>)
                outcome(new BrakeProcedure(2, false, Set.of(2)), events)).block();
        // forces read high by 40 N per second of the run: the parking force of axle 2 is well off its truth
        assertThat(read.axles().get(1).parkingLeftN().getAsDouble()).isGreaterThan(600 + 500);
    }

    @Test
    void answersIdentityAndCommandsEvenWhenSplitAcrossReads() {
        BrakeDevice device = new BrakeDevice(CAR, Config.clean(9));
        byte[] id = AsciiFrames.encode("?ID");
        assertThat(device.onCommand(java.util.Arrays.copyOf(id, 3), T0)).isEmpty();
        byte[] answer = device.onCommand(java.util.Arrays.copyOfRange(id, 3, id.length), T0);
        List<InstrumentEvent> events = new ArrayList<>();
        new BrakeDecoder().feed(answer, 0, answer.length, T0, events::add);
        assertThat(events).singleElement().isInstanceOfSatisfying(co.rtm.agent.instruments.Identified.class,
                i -> assertThat(i.identity().verificationDue()).isEqualTo(java.time.LocalDate.of(2027, 7, 23)));
        assertThat(new String(device.onCommand(AsciiFrames.encode("ZR"), T0), StandardCharsets.US_ASCII)).contains("AK,ZR");
        assertThat(new String(device.onCommand(AsciiFrames.encode("XX"), T0), StandardCharsets.US_ASCII)).contains("ER,E01");
        assertThat(events).noneMatch(e -> e instanceof Reading);
    }
}
