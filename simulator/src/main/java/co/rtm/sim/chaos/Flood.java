package co.rtm.sim.chaos;

import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.LoginEvents;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.StationBundle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client holding a station's broker credentials that publishes what the hub must refuse (DESIGN §8): bytes that
 * are no envelope at all, an event signed with a wrong key under the station's key id, and an event signed with
 * the station's real key that reuses a seq the hub already accepted. Each message that carries a messageId is
 * published again until the hub answers it, like an agent would, so a broker or hub killed meanwhile loses none.
 */
final class Flood {
    enum Kind { MALFORMED, FORGED, REPLAYED_SEQ }

    record Sent(Kind kind, StationBundle station, byte[] envelope, long firstSentMs) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String brokerUrl;
    private final Random random;
    private final Map<String, Sent> unanswered = new ConcurrentHashMap<>();
    /** messageId -> "STATUS reason" as the hub answered it. */
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<Kind, Integer> counts = new ConcurrentHashMap<>();

    Flood(String brokerUrl, long seed) {
        this.brokerUrl = brokerUrl;
        this.random = new Random(seed);
    }

    /** Publishes {@code n} messages of each kind for {@code station}; {@code acceptedSeq} is a seq the hub already accepted. */
    void burst(StationBundle station, long acceptedSeq, int n) throws MqttException {
        String topic = "runt/v1/" + station.centerId() + "/" + station.stationId() + "/event";
        withClient(station, client -> {
            for (int i = 0; i < n; i++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                client.publish(topic, message(junk));
                counts.merge(Kind.MALFORMED, 1, Integer::sum);
                publish(client, topic, Kind.FORGED, station, forged(station));
                if (acceptedSeq > 0) {
                    publish(client, topic, Kind.REPLAYED_SEQ, station, signed(station, acceptedSeq, station));
                }
            }
        });
    }

    /** Publishes again every message the hub has not answered yet; returns how many are still unanswered. */
    int retryUnanswered(long olderThanMs) {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, Sent> e : unanswered.entrySet()) {
            Sent s = e.getValue();
            if (now - s.firstSentMs() < olderThanMs) {
                continue;
            }
            String topic = "runt/v1/" + s.station().centerId() + "/" + s.station().stationId() + "/event";
            try {
                withClient(s.station(), client -> client.publish(topic, message(s.envelope())));
            } catch (MqttException retryLater) {
                // broker away: the next round tries again
            }
        }
        return unanswered.size();
    }

    Map<String, String> answers() {
        return answers;
    }

    Map<String, Sent> unanswered() {
        return unanswered;
    }

    Map<Kind, Integer> counts() {
        return counts;
    }

    private void publish(MqttClient client, String topic, Kind kind, StationBundle station, Signed s) throws MqttException {
        unanswered.put(s.messageId(), new Sent(kind, station, s.envelope(), System.currentTimeMillis()));
        counts.merge(kind, 1, Integer::sum);
        client.publish(topic, message(s.envelope()));
    }

    private record Signed(String messageId, byte[] envelope) {}

    private Signed forged(StationBundle station) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        StationBundle wrongKey = new StationBundle(station.format(), station.centerId(), station.stationId(), station.profile(),
                station.keyVersion(), Base64.getUrlEncoder().withoutPadding().encodeToString(seed), station.hubKeyId(),
                station.hubPublicKey(), station.mqtt(), station.createdAt(), station.tls());
        return signed(station, 1_000_000_000L + random.nextInt(1_000_000), wrongKey);
    }

    private static Signed signed(StationBundle station, long seq, StationBundle signer) {
        UUID id = UUID.randomUUID();
        MessageHeader header = new MessageHeader(id, station.centerId(), station.stationId(), seq, "chaos-flood",
                OffsetDateTime.now());
        byte[] envelope = Envelope.sign(Json.write(LoginEvents.login(header, "CC-1010")), "event", signer.signingKey());
        return new Signed(id.toString(), envelope);
    }

    private interface WithClient {
        void run(MqttClient client) throws MqttException;
    }

    private void withClient(StationBundle station, WithClient body) throws MqttException {
        MqttClient client = new MqttClient(brokerUrl, station.stationId() + "-flood-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(station.mqtt().username());
        options.setPassword(station.mqtt().password().getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setConnectionTimeout(5);
        client.setCallback(new MqttCallback() {
            @Override public void disconnected(MqttDisconnectResponse r) { }
            @Override public void mqttErrorOccurred(MqttException e) { }
            @Override public void messageArrived(String topic, MqttMessage m) { onAck(m.getPayload()); }
            @Override public void deliveryComplete(IMqttToken t) { }
            @Override public void connectComplete(boolean reconnect, String uri) { }
            @Override public void authPacketArrived(int reason, MqttProperties p) { }
        });
        client.connect(options);
        try {
            client.subscribe("runt/v1/" + station.centerId() + "/" + station.stationId() + "/ack", 1);
            body.run(client);
            Thread.sleep(300); // let the answers to this burst arrive; the rest are picked up by a retry
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                client.disconnect(2000);
            } catch (MqttException ignored) {
                // already gone
            }
            client.close();
        }
    }

    private void onAck(byte[] envelope) {
        try {
            JsonNode jws = JSON.readTree(envelope);
            JsonNode ack = JSON.readTree(Base64.getUrlDecoder().decode(jws.path("payload").asText()));
            String id = ack.path("messageId").asText();
            if (unanswered.remove(id) != null) {
                answers.put(id, ack.path("status").asText() + " " + ack.path("reason").asText(""));
            }
        } catch (Exception notAnAck) {
            // an ack for the agent, or something unreadable: not ours
        }
    }

    private static MqttMessage message(byte[] payload) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        return m;
    }
}
