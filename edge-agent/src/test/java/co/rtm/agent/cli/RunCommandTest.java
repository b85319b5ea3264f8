package co.rtm.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import co.rtm.agent.station.StationStats;
import co.rtm.profiles.scoring.Verdict;
import picocli.CommandLine;

/** {@code run} refuses what it cannot use with one line and exit 2, before starting anything. */
class RunCommandTest {

    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream err, String... args) {
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(new RunCommand(new PrintStream(new ByteArrayOutputStream()), e));
        cl.setErr(new java.io.PrintWriter(e, true));
        return cl.execute(args);
    }

    @Test
    void aBadBundleIsOneLineAndExitTwo() throws Exception {
        Path bundle = Files.writeString(dir.resolve("bundle.json"), "{not json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(err, "--bundle", bundle.toString(), "--data", dir.resolve("data").toString());
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(text.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("run: bundle " + bundle + ": not JSON"));
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aMissingBundleIsOneLineAndExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(err, "--bundle", dir.resolve("missing.json").toString(), "--data", dir.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement()
                .satisfies(line -> assertThat(line).endsWith("no such file"));
    }

    @Test
    void isRegisteredAsASubcommand() {
        assertThat(AgentMain.commandLine().getSubcommands()).containsKey("run");
    }

    @Test
    void laneMustBeTcpHostPort() {
        assertThat(RunCommand.laneFeed("tcp://127.0.0.1:9750")).hasToString("tcp://127.0.0.1:9750");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunCommand.laneFeed("serial:/dev/ttyUSB0"))
                .hasMessageContaining("tcp://HOST:PORT");
    }

    @Test
    void progressLineShowsScoredPendingAckedRejectedAndWhyItWaits() {
        StationStats s = new StationStats(5, Map.of(Verdict.APPROVED, 3L, Verdict.REJECTED, 1L, Verdict.INCOMPLETE, 0L),
                1, 0, 4, 2, 1, "Outbox full: the disk is almost full");
        assertThat(RunCommand.progress(s, 1, "online"))
                .contains("scored 4 (approved 3, rejected 1, incomplete 0)", "pending in outbox 1", "acked 2",
                        "rejected by hub 1", "WAITING: Outbox full");
    }
}
