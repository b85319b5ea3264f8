package co.rtm.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code decode} command's contract (DESIGN §10): one JSON line per event, a summary on stderr, exit 0/2. */
class DecodeCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, List<String> out, List<String> err) {}

    private Run run(byte[] stdin, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin));
            int exit = AgentMain.commandLine().execute(args);
            System.out.flush();
            return new Run(exit, lines(out), lines(err));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    private Run run(String... args) {
        return run(new byte[0], args);
    }

    private static List<String> lines(ByteArrayOutputStream b) {
        String s = b.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    private Path capture(String family, String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/co/rtm/agent/instruments/" + family + "/" + name)) {
            Path p = dir.resolve(family + "-" + name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void printsOneJsonLinePerEventWithASyntheticClockAndASummary() throws Exception {
        Run r = run("decode", "--instrument", "lights", "--input", capture("lights", "session.bin").toString());
        assertThat(r.exit()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = r.out().stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(events).hasSize(4);
        // the ID frame completes at its second checksum byte, byte 57: 57 bytes * 10 bits / 9600 baud (1041666 ns a byte)
        assertThat(r.out().get(0)).isEqualTo("{\"event\":\"identity\",\"at\":\"2000-01-01T00:00:00.059374962Z\","
                + "\"vendor\":\"Luxtec\",\"model\":\"HLT-900\",\"serial\":\"LX00042\",\"firmware\":\"1.4.2\","
                + "\"verifiedOn\":\"2026-03-01\",\"verificationDue\":\"2027-02-28\"}");
        assertThat(events.get(1).get("event").asText()).isEqualTo("reading");
        assertThat(events.get(1).get("sample").asText()).isEqualTo("LampReading");
        assertThat(events.get(1).get("fields").toString()).isEqualTo("{\"side\":\"left\",\"intensityKlux\":24.5,\"inclinationPct\":1.2}");
        assertThat(events.get(3).get("fields").toString()).isEqualTo("{\"klux\":95.2}");
        assertThat(r.err()).containsExactly("decode lights: 114 bytes, 4 frames, 3 readings, 1 identities, 0 faults");
    }

    @Test
    void aFileFullOfFaultsStillExitsZeroAndTheSameBytesGiveTheSameLines() throws Exception {
        Path faulty = capture("sound", "faulty.bin");
        Run r = run("decode", "--instrument", "sound", "--input", faulty.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).hasSize(12);
        assertThat(r.out().get(3)).startsWith("{\"event\":\"fault\",\"at\":\"2000-01-01T00:00:00.").contains(
                "\"kind\":\"BAD_CHECKSUM\",\"detail\":\"checksum ");
        assertThat(r.err()).containsExactly("decode sound: 215 bytes, 8 frames, 3 readings, 1 identities, 8 faults");
        Run fromStdin = run(Files.readAllBytes(faulty), "decode", "--instrument", "sound", "--input", "-");
        assertThat(fromStdin.out()).isEqualTo(r.out());
    }

    @Test
    void anUnknownInstrumentListsTheValidKinds() {
        Run r = run("decode", "--instrument", "radar", "--input", "x.bin");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).containsExactly("decode: unknown instrument 'radar', expected one of gps, brake, gas, "
                + "opacity, lights, suspension, sideslip, tread, sound");
        assertThat(run("decode", "--instrument", "fingerprint", "--input", "x.bin").exit()).isEqualTo(2);
    }

    @Test
    void anUnreadableFileIsOneLineAndExitTwo() {
        Run r = run("decode", "--instrument", "tread", "--input", dir.resolve("missing.bin").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).containsExactly("decode: cannot read " + dir.resolve("missing.bin") + ": no such file");
        Run d = run("decode", "--instrument", "tread", "--input", dir.toString());
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).singleElement().satisfies(l -> assertThat(l).startsWith("decode: cannot read " + dir));
    }

    @Test
    void aCapturedNmeaStreamDecodesToFixes() throws Exception {
        byte[] capture;
        try (var in = getClass().getResourceAsStream("/co/rtm/agent/instruments/gps/neo-m8n.log")) {
            capture = in.readAllBytes();
        }
        Run r = run(capture, "decode", "--instrument", "gps", "--input", "-");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{"));
        assertThat(r.out()).anySatisfy(l -> assertThat(l).contains("\"sample\":\"GpsFix\"").contains("\"lat\""));
    }
}
