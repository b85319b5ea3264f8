package co.rtm.agent.inspection;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.agent.instruments.lane.EmergencyStop;
import co.rtm.agent.instruments.lane.LaneIo;
import co.rtm.agent.instruments.lane.LaneIoException;
import co.rtm.agent.instruments.lane.LaneLight;
import co.rtm.agent.lane.LaneReading;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.pi4j.io.gpio.digital.DigitalState;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lane file's laneIo and BH1750 wired into an instrumented lane, on Pi4J's mock platform. */
class LaneIoWiringTest {
    static final String STOP = "lane-emergency-stop";
    static final String ENTRY = "lane-entry-cell";
    static final String GREEN = "lane-light-green";
    static final String RED = "lane-light-red";
    static final String LANE_IO = "laneIo: {entryCell: 17, exitCell: 27, emergencyStop: 22, light: {green: 5, red: 6}}\n";

    @TempDir
    Path dir;
    final MockLanePi pi = new MockLanePi();
    ServerSocket server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    /** A headlight tester that takes questions and never answers: the lights test runs until stopped. */
    int silentHeadlightTester() throws Exception {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (Exception e) {
                // closed by the test
            }
        }, "test-silent-headlight-tester");
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    String bh1750() {
        LocalDate today = LocalDate.now();
        return "  lights: {bh1750: {bus: 1, address: \"0x23\", serial: LX-7, verifiedOn: " + today.minusMonths(1)
                + ", verificationDue: " + today.plusMonths(11) + ", periodMs: 200}}\n";
    }

    /** A display that runs {@code onPrompt} once, on the session thread, when the lights test first prompts. */
    static LaneDisplay display(Runnable onPrompt) {
        return new LaneDisplay() {
            boolean done;

            @Override
            public void prompt(String plate, TestKind test, String text) {
                if (test == TestKind.LIGHTS && !done) {
                    done = true;
                    onPrompt.run();
                }
            }

            @Override
            public void finished(String plate, TestKind test, String outcome) {}
        };
    }

    InstrumentedLaneFeed feed(LaneInstruments lane, LaneDisplay display) {
        EmergencyStop stop = lane.laneIo().map(LaneIo::emergencyStop).orElseGet(EmergencyStop::new);
        return new InstrumentedLaneFeed(InstrumentedLaneFeedTest.reception(InstrumentedLaneFeedTest.CAR), lane,
                Profiles.builtIn("cda-light").orElseThrow(), InstrumentedLaneFeedTest.READER, stop, display,
                Clock.systemUTC());
    }

    static String series(LaneReading r) throws Exception {
        return new String(new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(
                r.evidence().get("samples").asText()))).readAllBytes(), StandardCharsets.UTF_8);
    }

    static JsonNode invalid(LaneReading r, String test) {
        for (JsonNode n : r.document().get("invalidTests")) {
            if (n.get("test").asText().equals(test)) return n;
        }
        throw new AssertionError(test + " is not among " + r.document().get("invalidTests"));
    }

    @Test
    void pressingTheEmergencyStopDuringATestAbortsItAsInvalid() throws Exception {
        Path yaml = Files.writeString(dir.resolve("lane.yaml"), "instruments:\n  lights: {tcp: \"127.0.0.1:"
                + silentHeadlightTester() + "\"}\ntestDeadlineSeconds: 30\n" + LANE_IO);
        CountDownLatch testRunning = new CountDownLatch(1);
        Thread operator = new Thread(() -> {
            try {
                if (testRunning.await(10, TimeUnit.SECONDS)) {
                    pi.input(STOP, HIGH);   // the normally-closed contact opens
                }
            } catch (InterruptedException e) {
                // test over
            }
        }, "test-operator");
        operator.start();
        try (InstrumentedLaneFeed f = feed(LaneInstruments.open(yaml, pi), display(testRunning::countDown))) {
            long t0 = System.nanoTime();
            LaneReading r = f.next(Duration.ofSeconds(1)).orElseThrow();
            operator.join();

            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("not the 30 s deadline").isLessThan(Duration.ofSeconds(10));
            assertThat(invalid(r, "lights").get("reason").asText()).isEqualTo("emergency stop");
            assertThat(r.document().get("measurements").has("lights")).isFalse();
            assertThat(series(r)).contains("\"t\":\"lights\"", "\"fault\":\"EMERGENCY_STOP\"")
                    .contains("\"t\":\"lane\"").as("the press is also a lane event").contains("button on BCM 22");
            assertThat(pi.output(RED)).as("held red while pressed, vehicle or not").isEqualTo(HIGH);
            assertThat(pi.output(GREEN)).isEqualTo(LOW);

            pi.input(STOP, LOW);   // released between vehicles: the lane is free again
            assertThat(pi.output(GREEN)).isEqualTo(HIGH);
            assertThat(pi.output(RED)).isEqualTo(LOW);
        }
    }

    @Test
    void theLightIsBusyWhileAVehiclesTestsRunAndPhotocellsGoInItsSeries() throws Exception {
        Path yaml = Files.writeString(dir.resolve("lane.yaml"), "instruments:\n" + bh1750() + LANE_IO);
        LaneInstruments lane = LaneInstruments.open(yaml, pi);
        pi.input(ENTRY, HIGH);   // the beam is clear before anyone is started
        List<DigitalState> duringTest = new ArrayList<>();
        LaneDisplay display = display(() -> {
            duringTest.add(pi.output(GREEN));
            duringTest.add(pi.output(RED));
            pi.input(ENTRY, LOW);    // the car stands across the entry photocell
        });
        try (InstrumentedLaneFeed f = feed(lane, display)) {
            assertThat(lane.laneIo().orElseThrow().light()).isEqualTo(LaneLight.GREEN);
            assertThat(pi.output(GREEN)).as("free before the vehicle").isEqualTo(HIGH);
            assertThat(pi.output(RED)).isEqualTo(LOW);

            LaneReading r = f.next(Duration.ofSeconds(1)).orElseThrow();

            assertThat(duringTest).as("green, red while the lights test runs").containsExactly(LOW, HIGH);
            assertThat(pi.output(GREEN)).as("free after the vehicle").isEqualTo(HIGH);
            assertThat(pi.output(RED)).isEqualTo(LOW);
            assertThat(series(r)).contains("{\"t\":\"lane\"", "\"sample\":\"Presence\",\"v\":{\"cell\":\"entry\",\"occupied\":true}");
        }
    }

    @Test
    void aBh1750ReadsTheLightsTestButCannotPassItWithoutInclination() throws Exception {
        Path yaml = Files.writeString(dir.resolve("lane.yaml"), "instruments:\n" + bh1750());
        LaneInstruments lane = LaneInstruments.open(yaml, pi);
        assertThat(lane.laneIo()).isEmpty();
        // Pi4J's MockI2C is a loopback FIFO: give the sensor answers to read (1000 counts = 833.3 lx); wait out
        // its power-up writes first so they do not land between two answer bytes
        Thread.sleep(90);
        byte[] answers = new byte[400];
        for (int i = 0; i < answers.length; i += 2) {
            answers[i] = 0x03;
            answers[i + 1] = (byte) 0xE8;
        }
        pi.i2c(LaneHardware.LUXMETER_ID).write(answers, 0, answers.length);
        try (InstrumentedLaneFeed f = feed(lane, display(() -> { }))) {
            LaneReading r = f.next(Duration.ofSeconds(1)).orElseThrow();
            assertThat(invalid(r, "lights").get("reason").asText())
                    .matches("el luxómetro BH1750 mide solo iluminancia \\(\\d+\\.\\d lx en el sensor\\), no la "
                            + "inclinación de la luz baja: se requiere el alineador de faros");
            assertThat(r.document().get("measurements").has("lights")).isFalse();
            assertThat(series(r)).contains("\"sample\":\"Illuminance\"", "\"identity\":\"ROHM BH1750FVI LX-7\"");
            assertThat(r.evidence().get("instruments").get(0).get("serial").asText()).isEqualTo("LX-7");
        }
    }

    @Test
    void aMachineWithoutGpioIsOneClearError() throws Exception {
        Path yaml = Files.writeString(dir.resolve("lane.yaml"), "instruments:\n  gas: {tcp: \"127.0.0.1:9\"}\n" + LANE_IO);
        assertThatThrownBy(() -> LaneInstruments.open(yaml, MockLanePi.withoutProviders()))
                .isInstanceOf(LaneIoException.class)
                .hasMessage("no GPIO provider on this machine (is this a Raspberry Pi?)");
    }

    @Test
    void theFeedRefusesAStopThatIsNotTheLanes() throws Exception {
        Path yaml = Files.writeString(dir.resolve("lane.yaml"), "instruments:\n  gas: {tcp: \"127.0.0.1:9\"}\n" + LANE_IO);
        try (LaneInstruments lane = LaneInstruments.open(yaml, pi)) {
            assertThatThrownBy(() -> new InstrumentedLaneFeed(InstrumentedLaneFeedTest.reception("{}"), lane,
                    Profiles.builtIn("cda-light").orElseThrow(), InstrumentedLaneFeedTest.READER, new EmergencyStop(),
                    display(() -> { }), Clock.systemUTC()))
                    .hasMessageContaining("own emergency stop");
        }
    }
}
