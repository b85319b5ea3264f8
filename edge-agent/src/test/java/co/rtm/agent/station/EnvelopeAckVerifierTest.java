package co.rtm.agent.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import co.rtm.agent.outbox.AckInfo;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.SigningKey;

/** Only an ack signed with the hub key of the bundle, as typ "ack", is believed. */
class EnvelopeAckVerifierTest {

    private final TestStation station = TestStation.create("tcp://127.0.0.1:1883");
    private final EnvelopeAckVerifier verifier = new EnvelopeAckVerifier(station.bundle().hubKey());
    private final UUID id = UUID.randomUUID();

    private byte[] signed(Ack ack, String typ, SigningKey key) {
        return Envelope.sign(Json.write(ack), typ, key);
    }

    @Test
    void mapsAnAcceptedAck() {
        AckInfo info = verifier.verify(signed(Ack.accepted(id, 41L, 7L, OffsetDateTime.now()), "ack", station.hubKey()))
                .orElseThrow();
        assertThat(info).isEqualTo(new AckInfo(id, AckInfo.Status.ACCEPTED, null, "41", "7"));
    }

    @Test
    void mapsARejectedAckWithItsReason() {
        AckInfo info = verifier.verify(signed(Ack.rejected(id, RejectReason.VERDICT_MISMATCH, OffsetDateTime.now()),
                "ack", station.hubKey())).orElseThrow();
        assertThat(info.status()).isEqualTo(AckInfo.Status.REJECTED);
        assertThat(info.reason()).isEqualTo("VERDICT_MISMATCH");
    }

    @Test
    void refusesAnythingElse() {
        Ack ack = Ack.accepted(id, 1L, null, OffsetDateTime.now());
        SigningKey otherWithHubKid = Ed25519Keys.generate(station.hubKey().kid());
        SigningKey otherKid = Ed25519Keys.generate("hub#2");
        assertThat(verifier.verify(signed(ack, "inspection", station.hubKey()))).as("wrong typ").isEmpty();
        assertThat(verifier.verify(signed(ack, "ack", otherWithHubKid))).as("forged signature").isEmpty();
        assertThat(verifier.verify(signed(ack, "ack", otherKid))).as("another key id").isEmpty();
        assertThat(verifier.verify(signed(ack, "ack", station.stationKey()))).as("the station's own key").isEmpty();
        assertThat(verifier.verify("ACK|x|ACCEPTED||".getBytes(StandardCharsets.UTF_8))).as("not an envelope").isEmpty();
        assertThat(verifier.verify(Envelope.sign("{\"messageId\":1}".getBytes(StandardCharsets.UTF_8), "ack",
                station.hubKey()))).as("not an ack").isEmpty();
    }
}
