package co.rtm.agent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code score} command's contract: one JSON line per document, exit 0/2, one-line errors with the path. */
class ScoreCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, List<String> out, List<String> err) {}

    private static final String DOC = """
        {"testedAt": "2026-11-20T10:15:00-05:00",
         "vehicle": {"plate": "XYZ12A", "kind": "motorcycle", "service": "particular", "fuel": "gasoline", "modelYear": 2020, "engineStrokes": 4},
         "measurements": {"brakes": {"axles": [{"weightN": 1500, "serviceN": 900}]},
                          "lights": {"lowBeams": [{"side": "center", "intensityKlux": 9, "inclinationPct": 1.5}]},
                          "tyres": {"treadDepthsMm": [2.0, 0.8]},
                          "gas": {"oilTempC": 60, "idle": {"rpm": 1400, "coPct": 1.0, "co2Pct": 12, "o2Pct": 2, "hcPpm": 300}},
                          "noise": {"dBA": 85}}}""";

    private Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = AgentMain.commandLine().execute(args);
            System.out.flush();
            return new Run(exit, lines(out), lines(err));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static List<String> lines(ByteArrayOutputStream b) {
        String s = b.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void scoresOneDocumentAsOneJsonLineAndExitsZeroWhateverTheVerdict() throws Exception {
        Run r = run("score", "--input", write("doc.json", DOC).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"verdict\":\"REJECTED\",\"typeA\":1,\"typeB\":0,\"emissionRegime\":\"RES_0762_2022\",\"defects\":[{\"code\":\"1.2.9.18.6\""));
    }

    @Test
    void jsonlScoresEveryLineAndNamesTheLineOfABadOne() throws Exception {
        String one = DOC.replace("\n", " ");
        String jsonl = one + "\n\n" + one.replace("\"motorcycle\"", "\"tractor\"") + "\n" + one.replace("0.8", "1.5") + "\n";
        Run r = run("score", "--jsonl", "--input", write("docs.jsonl", jsonl).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).hasSize(2);
        assertThat(r.out().get(1)).startsWith("{\"verdict\":\"APPROVED\"");
        assertThat(r.err()).containsExactly("line 3: vehicle.kind: unknown value 'tractor' (expected one of light, heavy, motorcycle, motocarro)");
    }

    @Test
    void malformedJsonIsOneLineWithoutAStackTrace() throws Exception {
        Run r = run("score", "--input", write("bad.json", "{\"testedAt\": ").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).singleElement().satisfies(l -> assertThat(l).startsWith("document: malformed JSON at line 1"));
    }

    @Test
    void aMissingFileIsAClearError() {
        Run r = run("score", "--input", dir.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).singleElement().satisfies(l -> assertThat(l).contains("nope.json").contains("no such file"));
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitTwo() {
        assertThat(run("score", "--bogus").exit()).isEqualTo(2);
    }
}
