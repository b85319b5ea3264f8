package co.rtm.agent.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.lane.EmergencyStop;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The session with real procedures and instruments the test drives event by event. */
class InspectionSessionTest {
    static final Vehicle CAR = LaneProcedureFixtures.vehicle(VehicleKind.LIGHT, 2, false);

    /** An instrument whose events the test pushes. */
    static final class Pushed implements Instrument {
        final InstrumentKind kind;
        volatile Consumer<InstrumentEvent> listener;
        volatile DeviceIdentity identity;

        Pushed(InstrumentKind kind) { this.kind = kind; }

        @Override public InstrumentKind kind() { return kind; }
        @Override public Optional<DeviceIdentity> identity() { return Optional.ofNullable(identity); }
        @Override public void start(Consumer<InstrumentEvent> l) { listener = l; }
        @Override public void close() {}

        void push(InstrumentEvent e) {
            if (e instanceof Identified i) identity = i.identity();
            listener.accept(e);
        }
    }

    final Pushed lux = new Pushed(InstrumentKind.LIGHTS);
    final Pushed sound = new Pushed(InstrumentKind.SOUND);
    final EmergencyStop stop = new EmergencyStop();
    final LinkedBlockingQueue<String> prompts = new LinkedBlockingQueue<>();
    final List<String> finished = new CopyOnWriteArrayList<>();

    InspectionSession session(Duration deadline) {
        LaneDisplay display = new LaneDisplay() {
            @Override public void prompt(String plate, TestKind test, String text) { prompts.add(test.json() + ": " + text); }
            @Override public void finished(String plate, TestKind test, String outcome) { finished.add(test.json() + ": " + outcome); }
        };
        return new InspectionSession(Map.of(
                TestKind.LIGHTS, new InspectionSession.Station(InstrumentTap.start(lux), LightsProcedure::forVehicle),
                TestKind.NOISE, new InspectionSession.Station(InstrumentTap.start(sound), v -> new SoundProcedure())),
                display, stop, Clock.systemUTC(), t -> deadline);
    }

    static Reading now(Sample s) { return new Reading(Instant.now(), s); }

    String awaitPrompt(String prefix) throws InterruptedException {
        while (true) {
            String p = prompts.poll(10, TimeUnit.SECONDS);
            assertThat(p).as("a prompt starting with " + prefix).isNotNull();
            if (p.startsWith(prefix)) return p;
        }
    }

    @Test
    void measuresEachTestInOrderAndKeepsTheRawSeries() throws Exception {
        InspectionSession s = session(Duration.ofSeconds(10));
        CompletableFuture<SessionResult> run = CompletableFuture.supplyAsync(() -> call(s, List.of(TestKind.LIGHTS, TestKind.NOISE)));
        awaitPrompt("lights");
        lux.push(new Identified(Instant.now(), new DeviceIdentity("Acme", "LX-1", "S9", "2", LocalDate.now().minusMonths(3),
                LocalDate.now().plusMonths(9))));
        lux.push(now(new Sample.LampReading("left", 12.0, 1.5)));
        lux.push(now(new Sample.LampReading("right", 11.0, 1.7)));
        lux.push(now(new Sample.LampSum(80)));
        awaitPrompt("noise");
        for (double d : new double[] {80, 82, 81}) sound.push(now(new Sample.SoundLevel(d)));
        SessionResult r = run.get(10, TimeUnit.SECONDS);

        assertThat(r.invalidTests()).isEmpty();
        assertThat(r.measurements().lights().lowBeams()).extracting(b -> b.side()).containsExactly("left", "right");
        assertThat(r.measurements().lights().simultaneousSumKlux()).hasValue(80);
        assertThat(r.measurements().noise().dBA()).isEqualTo(82);
        assertThat(r.instruments()).extracting(SessionResult.InstrumentUse::serial).containsExactly("S9", null);
        assertThat(r.series().events()).isEqualTo(7);
        String lines = new String(new GZIPInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(r.series().compressed()))).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lines.lines()).hasSize(7).anySatisfy(l -> assertThat(l).contains("\"sample\":\"LampReading\"")
                .contains("\"side\":\"left\"").contains("\"intensityKlux\":12.0"));
    }

    @Test
    void aSilentInstrumentMakesItsTestInvalidAndTheNextStillRuns() throws Exception {
        InspectionSession s = session(Duration.ofMillis(600));
        SessionResult r = s.run(CAR, List.of(TestKind.NOISE, TestKind.TAXIMETER));
        assertThat(r.invalidTests()).extracting(d -> d.test() + ": " + d.reason()).containsExactly(
                "NOISE: no result from the sound instrument within 0.6 s",
                "TAXIMETER: no instrument configured for taximeter on this lane");
        assertThat(r.measurements().noise()).isNull();
    }

    @Test
    void aFaultOrAnExpiredVerificationIsNeverAPass() throws Exception {
        InspectionSession s = session(Duration.ofSeconds(10));
        CompletableFuture<SessionResult> run = CompletableFuture.supplyAsync(() -> call(s, List.of(TestKind.LIGHTS, TestKind.NOISE)));
        awaitPrompt("lights");
        lux.push(new Fault(Instant.now(), FaultKind.BAD_CHECKSUM, "checksum 1A does not match the payload's 1B"));
        awaitPrompt("noise");
        sound.push(new Identified(Instant.now(), new DeviceIdentity("Acme", "SL", "S2", "1", LocalDate.now().minusYears(2),
                LocalDate.now().minusDays(1))));
        sound.push(now(new Sample.SoundLevel(80)));
        SessionResult r = run.get(10, TimeUnit.SECONDS);
        assertThat(r.invalidTests()).hasSize(2);
        assertThat(r.invalidTests().get(0).reason()).contains("checksum");
        assertThat(r.invalidTests().get(1).reason()).contains("expired");
        assertThat(r.measurements().lights()).isNull();
        assertThat(r.measurements().noise()).isNull();
    }

    @Test
    void theEmergencyStopAbortsTheRunningTestOnly() throws Exception {
        InspectionSession s = session(Duration.ofSeconds(10));
        CompletableFuture<SessionResult> run = CompletableFuture.supplyAsync(() -> call(s, List.of(TestKind.LIGHTS, TestKind.NOISE)));
        awaitPrompt("lights");
        lux.push(now(new Sample.LampReading("left", 12.0, 1.5)));
        stop.press(Instant.now(), "lane button");
        Thread.sleep(200);
        stop.release(Instant.now());
        // not the "Parada de emergencia" prompt the noise test may show while the stop is still pressed: samples
        // pushed then would fall before the test opens its instrument
        awaitPrompt("noise: Acelere");
        for (double d : new double[] {80, 82, 81}) sound.push(now(new Sample.SoundLevel(d)));
        SessionResult r = run.get(10, TimeUnit.SECONDS);
        assertThat(r.invalidTests()).singleElement().satisfies(d -> {
            assertThat(d.test()).isEqualTo(TestKind.LIGHTS);
            assertThat(d.reason()).isEqualTo("emergency stop");
        });
        assertThat(r.measurements().noise().dBA()).isEqualTo(82);
        assertThat(finished).containsExactly("lights: inválida: emergency stop", "noise: medida");
    }

    private static SessionResult call(InspectionSession s, List<TestKind> tests) {
        try {
            return s.run(CAR, tests);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
