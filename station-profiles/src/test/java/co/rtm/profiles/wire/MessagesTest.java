package co.rtm.profiles.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {

    static final UUID ID = UUID.fromString("0b7c4b8e-5f0e-4d43-9c7a-6a1f0e0f9a11");
    static final OffsetDateTime BOGOTA = OffsetDateTime.of(2026, 11, 20, 10, 15, 0, 123_000_000, ZoneOffset.ofHours(-5));
    static final MessageHeader HEADER = new MessageHeader(ID, "cda-0042", "lane-1", 7, "boot-9f2c", BOGOTA);

    static StationEvent login() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("document", "1020304050");
        detail.put("matchScore", 87);
        return StationEvent.of(HEADER, EventType.LOGIN, detail);
    }

    @Test
    void createdAtKeepsItsOffsetThroughJson() throws Exception {
        byte[] json = Json.write(login());
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("createdAt").asText()).isEqualTo("2026-11-20T10:15:00.123-05:00");

        StationEvent back = Json.read(json, StationEvent.class);
        assertThat(back.createdAt().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(back.createdAt()).isEqualTo(BOGOTA);
        assertThat(back).isEqualTo(login());
    }

    @Test
    void eventJsonHasTheContractsFlatMembers() throws Exception {
        String json = new String(Json.write(login()), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"messageId\":\"0b7c4b8e-5f0e-4d43-9c7a-6a1f0e0f9a11\",\"centerId\":\"cda-0042\","
                + "\"stationId\":\"lane-1\",\"seq\":7,\"bootId\":\"boot-9f2c\",\"createdAt\":\"2026-11-20T10:15:00.123-05:00\","
                + "\"type\":\"LOGIN\",\"detail\":{\"document\":\"1020304050\",\"matchScore\":87}}");
        assertThat(login().header()).isEqualTo(HEADER);
    }

    @Test
    void ackOmitsAbsentMembers() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:15:02-05:00");
        assertThat(new String(Json.write(Ack.accepted(ID, 1501L, 88L, at)), StandardCharsets.UTF_8)).isEqualTo(
                "{\"messageId\":\"0b7c4b8e-5f0e-4d43-9c7a-6a1f0e0f9a11\",\"status\":\"ACCEPTED\",\"furNumber\":1501,"
                        + "\"certificateNumber\":88,\"acceptedAt\":\"2026-11-20T10:15:02-05:00\"}");
        assertThat(new String(Json.write(Ack.rejected(ID, RejectReason.CAPACITY_EXCEEDED, at)), StandardCharsets.UTF_8)).isEqualTo(
                "{\"messageId\":\"0b7c4b8e-5f0e-4d43-9c7a-6a1f0e0f9a11\",\"status\":\"REJECTED\",\"reason\":\"CAPACITY_EXCEEDED\","
                        + "\"acceptedAt\":\"2026-11-20T10:15:02-05:00\"}");
    }

    @Test
    void ackRoundTrips() throws Exception {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-20T15:15:02Z");
        for (Ack ack : new Ack[] {Ack.accepted(ID, 1501L, null, at), Ack.duplicate(ID, 1501L, null, at),
                Ack.rejected(ID, RejectReason.REPLAYED_SEQ, at)}) {
            assertThat(Json.read(Json.write(ack), Ack.class)).isEqualTo(ack);
        }
    }

    @Test
    void ackStatusAndReasonAgree() {
        OffsetDateTime at = OffsetDateTime.now();
        assertThatThrownBy(() -> new Ack(ID, AckStatus.REJECTED, null, null, null, at)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ack(ID, AckStatus.ACCEPTED, RejectReason.BAD_SIGNATURE, null, null, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ack(ID, AckStatus.REJECTED, RejectReason.VERDICT_MISMATCH, 12L, null, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ack.accepted(ID, 0L, null, at)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectReasonsIncludeTheContractsCodes() {
        assertThat(RejectReason.values()).extracting(Enum::name).contains("MALFORMED_ENVELOPE", "MALFORMED_PAYLOAD",
                "UNKNOWN_STATION", "STATION_INACTIVE", "UNKNOWN_KEY", "KEY_REVOKED", "KEY_EXPIRED", "BAD_SIGNATURE",
                "TOPIC_MISMATCH", "REPLAYED_SEQ", "VERDICT_MISMATCH", "OUTSIDE_OPERATING_HOURS", "CAPACITY_EXCEEDED");
    }

    static final String GOOD_EVENT = "{\"messageId\":\"0b7c4b8e-5f0e-4d43-9c7a-6a1f0e0f9a11\",\"centerId\":\"cda-0042\","
            + "\"stationId\":\"lane-1\",\"seq\":7,\"bootId\":\"b1\",\"createdAt\":\"2026-11-20T10:15:00-05:00\",\"type\":\"BOOT\"}";

    @Test
    void readsAMinimalEventWithEmptyDetail() throws Exception {
        StationEvent e = Json.read(GOOD_EVENT.getBytes(StandardCharsets.UTF_8), StationEvent.class);
        assertThat(e.detail()).isEmpty();
        assertThat(e.type()).isEqualTo(EventType.BOOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"type\":\"BOOT\"}|\"type\":\"BOOT\",\"extra\":1}",
        "\"seq\":7,|",
        "\"seq\":7|\"seq\":\"7\"",
        "\"seq\":7|\"seq\":7.5",
        "\"seq\":7|\"seq\":0",
        "\"seq\":7|\"seq\":null",
        "\"seq\":7|\"seq\":7,\"seq\":8",
        "\"stationId\":\"lane-1\"|\"stationId\":\"lane/1\"",
        "\"centerId\":\"cda-0042\",|",
        "\"type\":\"BOOT\"|\"type\":\"REBOOT\"",
        "\"type\":\"BOOT\"|\"type\":\"boot\"",
        "\"messageId\":\"0b7c4b8e-5f0e-4d43-9c7a-6a1f0e0f9a11\"|\"messageId\":\"not-a-uuid\"",
        "-05:00\"|\"",
        "\"type\":\"BOOT\"}|\"type\":\"BOOT\",\"detail\":{\"a\":null}}",
        "}|} {}"
    })
    void refusesInvalidPayloads(String edit) {
        String[] fromTo = edit.split("\\|", -1);
        assertThat(GOOD_EVENT).contains(fromTo[0]);
        byte[] json = GOOD_EVENT.replace(fromTo[0], fromTo[1]).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.read(json, StationEvent.class)).isInstanceOf(IOException.class);
    }

    @Test
    void aSignedEventSurvivesTheWholeTrip() throws Exception {
        SigningKey key = Ed25519Keys.generate("lane-1#1");
        Topic topic = new Topic("cda-0042", "lane-1", TopicKind.EVENT);
        byte[] wire = Envelope.sign(Json.write(login()), topic.kind().wire(), key);

        Envelope env = Envelope.parse(wire);
        assertThat(env.verify(key.verificationKey())).isTrue();
        StationEvent e = Json.read(env.payload(), StationEvent.class);
        assertThat(e).isEqualTo(login());
        assertThat(Topic.parse(topic.name())).isEqualTo(new Topic(e.centerId(), e.stationId(), TopicKind.fromWire(env.header().typ())));
        assertThat(env.header().keyId().ownerId()).isEqualTo(e.stationId());
    }
}
