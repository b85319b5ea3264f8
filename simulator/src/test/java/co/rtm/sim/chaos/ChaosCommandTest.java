package co.rtm.sim.chaos;

import co.rtm.sim.cli.SimulatorMain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code simulator chaos} with a fixed seed and a bounded duration, real processes throughout: the summary must
 * find every stored result numbered once, no gap, every refusal recorded, and the faults it claims to have caused.
 */
class ChaosCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new SimulatorMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aSeededRunLosesNothingNumbersNothingTwiceAndRecordsEveryRefusal() throws Exception {
        String pg = External.requirePostgresAndMosquitto();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // seed 7 draws every kind of fault within 45 s: agent, broker and hub kills, a hub halted after commit, a flood
        int code = run(out, err, "chaos", "--duration", "45", "--seed", "7", "--data", dir.toString(), "--pg", pg);
        String[] lines = out.toString().strip().split("\n");
        JsonNode summary = new ObjectMapper().readTree(lines[lines.length - 1]);

        assertThat(code).as(out.toString()).isZero();
        assertThat(summary.get("ok").asBoolean()).isTrue();
        assertThat(summary.get("produced").asLong()).isPositive();
        assertThat(summary.get("numberedOnce").asLong()).isEqualTo(summary.get("produced").asLong());
        assertThat(summary.get("lost").asLong()).isZero();
        assertThat(summary.get("duplicated").asLong()).isZero();
        assertThat(summary.get("gaps").asLong()).isZero();
        assertThat(summary.get("refusalsNotRecorded").asLong()).isZero();
        JsonNode actions = summary.get("actions");
        assertThat(actions.path("kill hub").asInt() + actions.path("halt hub after commit").asInt()).isPositive();
        assertThat(actions.path("kill agent").asInt()).isPositive();
        assertThat(actions.path("kill broker").asInt()).isPositive();
        assertThat(actions.path("disk full").asInt()).isEqualTo(1);
        assertThat(actions.path("flood").asInt()).isPositive();
        JsonNode refusals = summary.get("refusalsByReason");
        assertThat(refusals.path("MALFORMED_ENVELOPE").asInt()).isPositive();
        assertThat(refusals.path("BAD_SIGNATURE").asInt()).isPositive();
        assertThat(refusals.path("REPLAYED_SEQ").asInt()).isPositive();
        assertThat(out.toString()).contains("disk full: ", "Outbox full");
    }

    @Test
    void withoutPostgresItSaysSoInOneLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "chaos", "--pg", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "--data", dir.toString());
        if (Mosquitto.binary().isEmpty()) {
            assertThat(err.toString()).contains("mosquitto");
        } else {
            assertThat(err.toString()).startsWith("chaos: PostgreSQL not reachable");
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
    }
}
