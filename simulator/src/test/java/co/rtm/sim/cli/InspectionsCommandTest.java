package co.rtm.sim.cli;

import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.scoring.Scorer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InspectionsCommandTest {
    private static final Scorer SCORER = Scorer.builtIn();
    private static final ScoringInputReader READER = new ScoringInputReader(SCORER.rules().catalogue()::contains);

    @Test
    void printsNValidJsonLines() throws Exception {
        Run run = run("inspections", "--count", "250", "--seed", "42", "--tested-at", "2026-11-20");
        assertThat(run.code).isZero();
        assertThat(run.out).endsWith("\n");
        List<String> lines = run.out.lines().toList();
        assertThat(lines).hasSize(250);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            assertThat(json.readTree(line).isObject()).isTrue();
            assertThat(SCORER.score(READER.read(line)).verdict()).isNotNull();
            assertThat(line).contains("\"testedAt\":\"2026-11-20T");
        }
    }

    @Test
    void theSameSeedAndTimePrintTheSameBytes() {
        String[] args = {"inspections", "--count", "100", "--seed", "9", "--tested-at", "2026-11-20T10:15:00-05:00"};
        assertThat(run(args).out).isEqualTo(run(args).out);
    }

    @Test
    void zeroDocumentsPrintNothing() {
        Run run = run("inspections", "--count", "0");
        assertThat(run.code).isZero();
        assertThat(run.out).isEmpty();
    }

    @Test
    void aBadTestedAtOrMissingCountIsAUsageError() {
        Run bad = run("inspections", "--count", "3", "--tested-at", "yesterday");
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).contains("--tested-at");
        assertThat(run("inspections").code).isEqualTo(2);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = SimulatorMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
