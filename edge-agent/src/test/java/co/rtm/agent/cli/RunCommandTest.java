package co.rtm.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import co.rtm.agent.instruments.lane.Pi4jContexts;
import co.rtm.agent.station.StationStats;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import com.pi4j.Pi4J;
import java.time.OffsetDateTime;
import co.rtm.profiles.scoring.Verdict;
import picocli.CommandLine;

/** {@code run} refuses what it cannot use with one line and exit 2, before starting anything. */
class RunCommandTest {

    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream err, String... args) {
        return run(err, new RunCommand(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    private int run(ByteArrayOutputStream err, RunCommand command, String... args) {
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(command);
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

    /** A bundle {@code run} accepts (it is only read: nothing connects before the lane file is refused). */
    private Path goodBundle() throws Exception {
        SigningKey station = Ed25519Keys.generate("LANE-01#1");
        SigningKey hub = Ed25519Keys.generate("hub#1");
        StationBundle b = new StationBundle(StationBundle.FORMAT, "CDA0001", "LANE-01", "cda-light@1", 1,
                station.seedBase64Url(), hub.kid(), hub.verificationKey().toBase64Url(),
                new StationBundle.Mqtt("tcp://127.0.0.1:9", "LANE-01", "S3cret!pass"), OffsetDateTime.now());
        Path file = Files.write(dir.resolve("bundle.json"), Json.write(b));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Path laneFileWithLaneIo() throws Exception {
        return Files.writeString(dir.resolve("lane.yaml"), """
            instruments:
              lights: {tcp: "127.0.0.1:9"}
            laneIo: {entryCell: 17, exitCell: 27, emergencyStop: 22, light: {green: 5, red: 6}}
            """);
    }

    @Test
    void laneIoWithoutAGpioProviderIsOneLineAndExitTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // a Pi4J context with no providers: creating the first pin throws ProviderNotFoundException, as on a PC
        Pi4jContexts noProviders = () -> Pi4J.newContextBuilder().noAutoDetect().build();
        RunCommand command = new RunCommand(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), noProviders);
        int exit = run(err, command, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--instruments", laneFileWithLaneIo().toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "run: lane I/O: no GPIO provider on this machine (is this a Raspberry Pi?)");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void onAMachineWithoutGpioChipsTheRealFactoryRefusesBeforePi4jStarts() throws Exception {
        assumeFalse(Pi4jContexts.hasGpioChip(Path.of("/dev")), "this machine has GPIO");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(err, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--instruments", laneFileWithLaneIo().toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "run: lane I/O: no GPIO provider on this machine (is this a Raspberry Pi?)");
    }

    @Test
    void aBadLaneIoValueIsOneLineAndExitTwo() throws Exception {
        Path yaml = Files.writeString(dir.resolve("lane.yaml"), """
            instruments:
              lights: {tcp: "127.0.0.1:9"}
            laneIo: {entryCell: 17, exitCell: 27, emergencyStop: 31, light: {busy: 5}}
            """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(err, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--instruments", yaml.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly("run: " + yaml
                + ": laneIo.emergencyStop: not a BCM GPIO number of the 40-pin header (0..27): 31");
    }

    private Path laneFileWithFingerprint(String extra) throws Exception {
        return Files.writeString(dir.resolve("lane.yaml"), """
            instruments:
              lights: {tcp: "127.0.0.1:9"}
            fingerprint: {fileDrop: "%s"}
            %s
            """.formatted(dir.resolve("drop"), extra));
    }

    private String runError(int expectedExit, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(err, args);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(expectedExit);
        assertThat(text.lines()).hasSize(1);
        assertThat(dir.resolve("data")).doesNotExist();
        return text.strip();
    }

    @Test
    void aBadInspectorsFileIsOneLineAndExitTwo() throws Exception {
        Path inspectors = Files.writeString(dir.resolve("inspectors.json"),
                "{\"inspectors\": [{\"document\": \"CC-7912\", \"name\": \"Ana\", \"templates\": [\"AAAA\"]}]}");
        assertThat(runError(2, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--instruments", laneFileWithFingerprint("").toString(), "--inspectors", inspectors.toString()))
                .startsWith("run: " + inspectors + ": inspectors[0].templates[0]: not a SourceAFIS template");
        Files.writeString(inspectors, "{\"inspectors\": []}");
        assertThat(runError(2, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--instruments", laneFileWithFingerprint("").toString(), "--inspectors", inspectors.toString()))
                .isEqualTo("run: " + inspectors + ": no inspectors enrolled (edge-agent enroll)");
    }

    @Test
    void aFingerprintReaderAndTheInspectorsFileComeTogether() throws Exception {
        Path inspectors = dir.resolve("inspectors.json");
        co.rtm.agent.login.Prints.onlyAna().write(inspectors);
        Path lane = laneFileWithFingerprint("");
        assertThat(runError(2, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--instruments", lane.toString()))
                .isEqualTo("run: " + lane + ": the lane has a fingerprint reader: give --inspectors FILE");
        assertThat(runError(2, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--inspectors", inspectors.toString()))
                .isEqualTo("run: --inspectors needs a lane file (--instruments) with a fingerprint: reader");
        Path noReader = Files.writeString(dir.resolve("plain.yaml"), "instruments:\n  lights: {tcp: \"127.0.0.1:9\"}\n");
        assertThat(runError(2, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--instruments", noReader.toString(), "--inspectors", inspectors.toString()))
                .isEqualTo("run: --inspectors needs a fingerprint: reader in " + noReader);
    }

    @Test
    void badLoginEntriesInTheLaneFileAreOneLineAndExitTwo() throws Exception {
        Path inspectors = dir.resolve("inspectors.json");
        co.rtm.agent.login.Prints.onlyAna().write(inspectors);
        Path noReader = Files.writeString(dir.resolve("lane.yaml"),
                "instruments:\n  lights: {tcp: \"127.0.0.1:9\"}\nrequireLogin: true\n");
        assertThat(runError(2, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--instruments", noReader.toString()))
                .isEqualTo("run: " + noReader + ": requireLogin: needs a fingerprint reader (fingerprint:) to log in with");
        Path two = Files.writeString(dir.resolve("two.yaml"),
                "instruments:\n  lights: {tcp: \"127.0.0.1:9\"}\nfingerprint: {tcp: \"127.0.0.1:9\", fileDrop: \"/tmp\"}\n");
        assertThat(runError(2, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--instruments", two.toString(), "--inspectors", inspectors.toString()))
                .isEqualTo("run: " + two + ": fingerprint: give exactly one of tcp, serial or fileDrop");
        Path badPort = Files.writeString(dir.resolve("port.yaml"),
                "instruments:\n  lights: {tcp: \"127.0.0.1:9\"}\nfingerprint: {tcp: \"reader\"}\n");
        assertThat(runError(2, "--bundle", goodBundle().toString(), "--data", dir.resolve("data").toString(),
                "--instruments", badPort.toString(), "--inspectors", inspectors.toString()))
                .isEqualTo("run: " + badPort + ": fingerprint.tcp: expected host:port, got 'reader'");
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
