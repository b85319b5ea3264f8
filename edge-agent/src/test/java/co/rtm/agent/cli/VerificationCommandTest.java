package co.rtm.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.outbox.OutboxMessage;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.StationEvent;
import picocli.CommandLine;

/** {@code edge-agent verification}: a signed VERIFICATION event in the station's outbox; bad input exits 2. */
class VerificationCommandTest {
    @TempDir
    Path dir;

    final SigningKey key = Ed25519Keys.generate("mob-1#1");

    Path bundle() throws Exception {
        SigningKey hub = Ed25519Keys.generate("hub#1");
        StationBundle b = new StationBundle(StationBundle.FORMAT, "MOB-1", "mob-1", "cda-light-mobile@1", 1,
                key.seedBase64Url(), hub.kid(), hub.verificationKey().toBase64Url(),
                new StationBundle.Mqtt("tcp://127.0.0.1:1", "mob-1", "x"), OffsetDateTime.now());
        return Files.write(dir.resolve("bundle.json"), Json.write(b));
    }

    int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return new CommandLine(new VerificationCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    @Test
    void storesASignedVerificationEventForTheRunningAgentToSend() throws Exception {
        Path data = Files.createDirectories(dir.resolve("station"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(out, err, "--bundle", bundle().toString(), "--data", data.toString(), "--instrument",
                "linea completa", "--serial", "SN-9", "--note", "llegada a Mitú")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("verification stored as seq 1");
        try (Outbox outbox = Outbox.open(data, OutboxConfig.defaults())) {
            List<OutboxMessage> pending = outbox.nextToSend(10);
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).topic()).isEqualTo("runt/v1/MOB-1/mob-1/event");
            Envelope envelope = Envelope.parse(pending.get(0).payload());
            assertThat(envelope.verify(key.verificationKey())).isTrue();
            StationEvent event = Json.read(envelope.payload(), StationEvent.class);
            assertThat(event.type()).isEqualTo(EventType.VERIFICATION);
            assertThat(event.detail()).containsEntry("instrument", "linea completa").containsEntry("serial", "SN-9")
                    .containsEntry("note", "llegada a Mitú");
        }
    }

    @Test
    void aMissingDataDirectoryOrAnEmptyInstrumentIsOneLineAndExit2() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(new ByteArrayOutputStream(), err, "--bundle", bundle().toString(), "--data",
                dir.resolve("none").toString(), "--instrument", "x")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("verification: --data").doesNotContain("\n");
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertThat(run(new ByteArrayOutputStream(), err2, "--bundle", bundle().toString(), "--data", dir.toString(),
                "--instrument", " ")).isEqualTo(2);
        assertThat(err2.toString().strip()).isEqualTo("verification: a verification names the instrument verified");
    }
}
