package co.rtm.agent.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.agent.instruments.lane.EmergencyStop;
import co.rtm.agent.lane.LaneFeed;
import co.rtm.agent.lane.LaneReading;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.scoring.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reception line + instruments over real loopback TCP -> a complete scoring document with evidence. */
class InstrumentedLaneFeedTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Scorer SCORER = Scorer.builtIn();
    static final ScoringInputReader READER = new ScoringInputReader(SCORER.rules().catalogue()::contains);

    @TempDir
    Path dir;
    ServerSocket server;
    Thread device;

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    /** A polled headlight tester speaking docs/instruments.md, lights, verified until {@code due}. */
    int headlightTester(LocalDate due) throws Exception {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        device = new Thread(() -> {
            try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                StringBuilder frame = new StringBuilder();
                int b;
                while ((b = in.read()) >= 0) {
                    if (b == AsciiFrames.STX) frame.setLength(0);
                    else if (b == AsciiFrames.ETX) {
                        String q = frame.toString();
                        byte[] answer = switch (q) {
                            case "?ID" -> AsciiFrames.encode("ID,Acme,HL-9,SN42,3.1," + due.minusYears(1) + "," + due);
                            case "?LB,L" -> AsciiFrames.encode("LB,L,24.50,1.20");
                            case "?LB,R" -> AsciiFrames.encode("LB,R,23.00,1.40");
                            case "?SU" -> AsciiFrames.encode("SU,95.2");
                            default -> AsciiFrames.encode("ER,1,unknown command");
                        };
                        out.write(answer);
                        out.flush();
                    } else if (b >= 0x20) frame.append((char) b);
                }
            } catch (Exception e) {
                // closed by the test
            }
        }, "test-headlight-tester");
        device.setDaemon(true);
        device.start();
        return server.getLocalPort();
    }

    static LaneFeed reception(String json) {
        return reception(json, OffsetDateTime.now());
    }

    static LaneFeed reception(String json, OffsetDateTime startedAt) {
        return new LaneFeed() {
            boolean sent;

            @Override
            public Optional<LaneReading> next(Duration timeout) {
                if (sent) return Optional.empty();
                sent = true;
                try {
                    return Optional.of(new LaneReading(JSON.readTree(json), startedAt, List.of("CC-1001")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {}
        };
    }

    static final String CAR = """
        {"testedAt": "2026-11-20T10:15:00-05:00",
         "vehicle": {"plate": "ABC123", "kind": "light", "service": "particular", "fuel": "gasoline",
                     "modelYear": 2012, "displacementCc": 1600, "grossWeightKg": 1500, "axles": 2, "engineStrokes": 4},
         "measurements": {}, "sensoryDefects": []}""";

    InstrumentedLaneFeed feed(Path yaml, String reception) {
        return new InstrumentedLaneFeed(reception(reception), LaneInstruments.open(yaml), Profiles.builtIn("cda-light").orElseThrow(),
                READER, new EmergencyStop(), LaneDisplay.logging(org.slf4j.LoggerFactory.getLogger("lane")), Clock.systemUTC());
    }

    @Test
    void readsTheInstrumentsAndDeclaresEveryTestItCouldNotPerform() throws Exception {
        int port = headlightTester(LocalDate.now().plusMonths(6));
        Path yaml = Files.writeString(dir.resolve("lane.yaml"), """
            instruments:
              lights: {tcp: "127.0.0.1:%d"}
            testDeadlineSeconds: 5
            """.formatted(port));
        try (InstrumentedLaneFeed f = feed(yaml, CAR)) {
            LaneReading r = f.next(Duration.ofSeconds(1)).orElseThrow();
            JsonNode lights = r.document().get("measurements").get("lights");
            assertThat(lights.get("lowBeams").get(0).get("intensityKlux").asDouble()).isEqualTo(24.5);
            assertThat(lights.get("simultaneousSumKlux").asDouble()).isEqualTo(95.2);
            ScoreResult score = SCORER.score(READER.read(r.document(), ""));
            assertThat(score.verdict()).isEqualTo(Verdict.INCOMPLETE);
            assertThat(score.invalid()).extracting(i -> i.test().json()).containsExactlyInAnyOrder(
                    "brakes", "suspension", "sideslip", "tyres", "gas", "noise");
            assertThat(score.invalid()).allSatisfy(i -> assertThat(i.reason()).contains("no instrument configured"));
            assertThat(r.inspectors()).containsExactly("CC-1001");
            JsonNode evidence = r.evidence();
            assertThat(evidence.get("instruments").get(0).get("serial").asText()).isEqualTo("SN42");
            String series = new String(new GZIPInputStream(new ByteArrayInputStream(
                    Base64.getDecoder().decode(evidence.get("samples").asText()))).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(series).contains("\"sample\":\"LampSum\"");
        }
    }

    @Test
    void anExpiredHeadlightTesterNeverMeasures() throws Exception {
        int port = headlightTester(LocalDate.now().minusDays(3));
        Path yaml = Files.writeString(dir.resolve("lane.yaml"), "instruments:\n  lights: {tcp: \"127.0.0.1:" + port + "\"}\n");
        try (InstrumentedLaneFeed f = feed(yaml, CAR)) {
            LaneReading r = f.next(Duration.ofSeconds(1)).orElseThrow();
            assertThat(r.document().get("measurements").has("lights")).isFalse();
            ScoreResult score = SCORER.score(READER.read(r.document(), ""));
            assertThat(score.invalid()).filteredOn(i -> i.test().json().equals("lights"))
                    .singleElement().satisfies(i -> assertThat(i.reason()).as(i.reason()).containsIgnoringCase("verification"));
        }
    }

    @Test
    void theInspectionStartsWhenTheDeskSaysItDidNotWhenTheInstrumentsBegin() throws Exception {
        int port = headlightTester(LocalDate.now().plusMonths(6));
        Path yaml = Files.writeString(dir.resolve("lane.yaml"), """
            instruments:
              lights: {tcp: "127.0.0.1:%d"}
            testDeadlineSeconds: 5
            """.formatted(port));
        OffsetDateTime atDesk = OffsetDateTime.now().minusMinutes(12).withNano(0);
        try (InstrumentedLaneFeed f = new InstrumentedLaneFeed(reception(CAR, atDesk), LaneInstruments.open(yaml),
                Profiles.builtIn("cda-light").orElseThrow(), READER, new EmergencyStop(),
                LaneDisplay.logging(org.slf4j.LoggerFactory.getLogger("lane")), Clock.systemUTC())) {
            LaneReading r = f.next(Duration.ofSeconds(1)).orElseThrow();
            assertThat(r.startedAt()).isEqualTo(atDesk);
            assertThat(OffsetDateTime.parse(r.document().get("testedAt").asText())).isAfter(atDesk.plusMinutes(11));
        }
        // a desk line without startedAt falls back on its testedAt, which the lane replaces: the instruments' start counts
        try (InstrumentedLaneFeed f = new InstrumentedLaneFeed(reception(CAR, OffsetDateTime.parse("2026-11-20T10:15:00-05:00")),
                LaneInstruments.open(yaml), Profiles.builtIn("cda-light").orElseThrow(), READER, new EmergencyStop(),
                LaneDisplay.logging(org.slf4j.LoggerFactory.getLogger("lane")), Clock.systemUTC())) {
            LaneReading r = f.next(Duration.ofSeconds(1)).orElseThrow();
            assertThat(r.startedAt()).isEqualTo(OffsetDateTime.parse(r.document().get("testedAt").asText()));
        }
    }

    @Test
    void aWrongInstrumentsFileSaysWhereAndWhy() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "instruments:\n  lights: {tcp: \"nowhere\"}\n");
        assertThatThrownBy(() -> LaneInstruments.open(yaml)).hasMessage(yaml + ": instruments.lights.tcp: expected host:port, got 'nowhere'");
        Path both = Files.writeString(dir.resolve("both.yaml"), "instruments:\n  gas: {tcp: \"h:1\", coap: \"coap://h/x\"}\n");
        assertThatThrownBy(() -> LaneInstruments.open(both)).hasMessageContaining("instruments.gas: give exactly one of tcp, serial or coap");
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "instruments:\n  radar: {tcp: \"h:1\"}\n");
        assertThatThrownBy(() -> LaneInstruments.open(unknown)).hasMessageContaining("instruments.radar");
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "instrumnets:\n  gas: {tcp: \"h:1\"}\n");
        assertThatThrownBy(() -> LaneInstruments.open(typo)).hasMessageContaining("instrumnets");
        assertThatThrownBy(() -> LaneInstruments.open(dir.resolve("missing.yaml"))).hasMessageEndingWith("no such file");
    }

    /** The agent stopping while a test waits for an instrument: the vehicle is abandoned at once, not at the deadline. */
    @Test
    void closingTheLaneEndsAWaitingTestAtOnce() throws Exception {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());   // a tester that connects and never answers
        Thread silent = new Thread(() -> {
            try (Socket s = server.accept()) {
                s.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (Exception e) {
                // closed by the test
            }
        }, "test-silent-tester");
        silent.setDaemon(true);
        silent.start();
        Path yaml = Files.writeString(dir.resolve("lane.yaml"), """
            instruments:
              lights: {tcp: "127.0.0.1:%d"}
            testDeadlineSeconds: 300
            """.formatted(server.getLocalPort()));
        InstrumentedLaneFeed f = feed(yaml, CAR);
        java.util.concurrent.CompletableFuture<Optional<LaneReading>> next = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return f.next(Duration.ofSeconds(1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1_000);
        assertThat(next).isNotDone();
        long t0 = System.nanoTime();
        f.close();
        assertThat(next.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
    }
}
