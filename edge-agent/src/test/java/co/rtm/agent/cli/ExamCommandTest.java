package co.rtm.agent.cli;

import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code edge-agent exam}: bad input is one line on stderr and exit 2, before anything starts. */
class ExamCommandTest {

    @TempDir
    Path dir;

    Path bundle(String profile) throws Exception {
        SigningKey key = Ed25519Keys.generate("S1#1");
        SigningKey hub = Ed25519Keys.generate("hub#1");
        StationBundle b = new StationBundle(StationBundle.FORMAT, "CALE-1", "S1", profile, 1, key.seedBase64Url(),
                hub.kid(), hub.verificationKey().toBase64Url(), new StationBundle.Mqtt("tcp://127.0.0.1:1", "S1", "x"),
                OffsetDateTime.now());
        return Files.write(dir.resolve(profile.replace('@', '-') + ".json"), Json.write(b));
    }

    String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new ExamCommand(new PrintStream(out, true), new PrintStream(err, true))).execute(args);
        return new String[]{Integer.toString(code), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aLaneBundleIsRefused() throws Exception {
        Path registry = Files.createFile(dir.resolve("registry.db"));
        String[] r = run("--bundle", bundle("cda-light@1").toString(), "--data", dir.resolve("d").toString(),
                "--registry", registry.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("not a CALE exam profile").hasLineCount(1);
    }

    @Test
    void aBadDrawSeedIsRefused() throws Exception {
        String[] r = run("--bundle", bundle("cale-theory@1").toString(), "--data", dir.resolve("d").toString(),
                "--registry", dir.resolve("registry.db").toString(), "--draw-seed", "XYZ");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--draw-seed").hasLineCount(1);
    }

    @Test
    void aMissingRegistryIsRefused() throws Exception {
        String[] r = run("--bundle", bundle("cale-practical@1").toString(), "--data", dir.resolve("d").toString(),
                "--registry", dir.resolve("none.db").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("none.db: no such file").hasLineCount(1);
    }

    @Test
    void aBadFingerprintReaderOrThresholdIsRefused() throws Exception {
        String[] r = run("--bundle", bundle("cale-theory@1").toString(), "--data", dir.resolve("d").toString(),
                "--registry", dir.resolve("registry.db").toString(), "--fingerprint", "udp://127.0.0.1:9");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("tcp://HOST:PORT").hasLineCount(1);
        r = run("--bundle", bundle("cale-theory@1").toString(), "--data", dir.resolve("d").toString(),
                "--registry", dir.resolve("registry.db").toString(), "--match-threshold", "0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("match threshold must be above 0").hasLineCount(1);
    }

    @Test
    void theLaneRunStillRefusesAnExamBundle() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new RunCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true)))
                .execute("--bundle", bundle("cale-theory@1").toString(), "--data", dir.resolve("d").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a CDA lane profile");
    }
}
