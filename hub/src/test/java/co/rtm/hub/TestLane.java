package co.rtm.hub;

import static org.awaitility.Awaitility.await;

import co.rtm.hub.broker.StationClient;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.Topic;
import co.rtm.profiles.wire.TopicKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A lane for tests: a real Paho client with a provisioned bundle, signing inspections built from the example document. */
final class TestLane implements AutoCloseable {
    static final Scorer SCORER = Scorer.builtIn();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final StationBundle bundle;
    final StationClient client;
    final SigningKey key;

    TestLane(StationBundle bundle, String url) throws Exception {
        this(bundle, StationClient.connect(url, bundle.mqtt().username(), bundle.mqtt().password()));
    }

    /** Over a connection the caller made (e.g. TLS with a client certificate). */
    TestLane(StationBundle bundle, StationClient client) throws Exception {
        this.bundle = bundle;
        this.key = bundle.signingKey();
        this.client = client;
        client.subscribe(topic(TopicKind.ACK));
    }

    String topic(TopicKind kind) {
        return new Topic(bundle.centerId(), bundle.stationId(), kind).name();
    }

    /** The example light-vehicle gasoline document: APPROVED on cda-light. */
    static ObjectNode approvedInput() throws Exception {
        return (ObjectNode) MAPPER.readTree(Files.readString(Path.of("../docs/examples/inspection-light-gasoline.json")));
    }

    /** The example with worn tyres and a dirty engine: REJECTED. */
    static ObjectNode rejectedInput() throws Exception {
        ObjectNode input = approvedInput();
        ObjectNode m = (ObjectNode) input.get("measurements");
        ArrayNode tread = ((ObjectNode) m.get("tyres")).putArray("treadDepthsMm");
        List.of(0.5, 0.6, 0.5, 0.7).forEach(tread::add);
        ((ObjectNode) m.get("gas").get("idle")).put("coPct", 6.0);
        return input;
    }

    static ScoreResult score(JsonNode input) {
        return SCORER.score(new ScoringInputReader(SCORER.rules().catalogue()::contains).read(input, "input"),
                Profiles.builtIn("cda-light").orElseThrow());
    }

    /**
     * The lanes of one hub share the example document; each gets a plate of its own, or the hub would refuse the same
     * plate inspected on two lanes at the same time (PLATE_OVERLAP). The plate does not change the score.
     */
    InspectionMessage inspection(UUID messageId, long seq, JsonNode input, ScoreResult claimed) {
        input = input.deepCopy();
        ((ObjectNode) input.get("vehicle")).put("plate", bundle.stationId().toUpperCase(java.util.Locale.ROOT) + "-" + seq);
        MessageHeader h = new MessageHeader(messageId, bundle.centerId(), bundle.stationId(), seq, "boot-1",
                OffsetDateTime.parse("2026-11-20T10:20:00-05:00"));
        return InspectionMessage.of(h, bundle.profile(), OffsetDateTime.parse("2026-11-20T10:05:00-05:00"),
                List.of("CC-1010"), null, input, claimed);
    }

    byte[] sign(InspectionMessage m) {
        return Envelope.sign(Json.write(m), InspectionMessage.TYPE, key);
    }

    /** Publishes on the own inspection topic asking for the ack on the own ack topic; waits for the verified ack. */
    Ack send(byte[] envelope, UUID correlation) throws Exception {
        return sendOn(topic(TopicKind.INSPECTION), envelope, correlation);
    }

    Ack sendOn(String topic, byte[] envelope, UUID correlation) throws Exception {
        int before = client.received().size();
        byte[] corr = correlation.toString().getBytes(StandardCharsets.US_ASCII);
        int rc = client.publish(topic, new String(envelope, StandardCharsets.UTF_8), topic(TopicKind.ACK), corr);
        if (rc >= 0x80) {
            throw new IllegalStateException("publish refused: " + rc);
        }
        await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> client.received().size() > before);
        MqttMessage reply = client.received().get(before);
        if (!java.util.Arrays.equals(reply.getProperties().getCorrelationData(), corr)) {
            throw new AssertionError("correlation data not echoed");
        }
        Envelope ack = Envelope.parse(reply.getPayload());
        if (!ack.verify(bundle.hubKey()) || !ack.header().typ().equals("ack")) {
            throw new AssertionError("ack does not verify with the hub key from the bundle");
        }
        return Json.read(ack.payload(), Ack.class);
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
