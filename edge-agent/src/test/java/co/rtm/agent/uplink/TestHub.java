package co.rtm.agent.uplink;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import co.rtm.agent.outbox.AckInfo;

/**
 * A stand-in hub: a plain Paho client that receives station messages and answers each on its
 * responseTopic with its correlationData. Acks use a trivial text format ({@code ACK|id|STATUS|reason|fur})
 * understood by {@link #VERIFIER}; real acks are signed envelopes.
 */
final class TestHub implements AutoCloseable {

    enum Reply { NONE, ACCEPT, FORGED }

    /** Accepts only "ACK|..." payloads, like a signature check would accept only the hub's. */
    static final AckVerifier VERIFIER = payload -> {
        String[] f = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (f.length != 5 || !f[0].equals("ACK")) {
            return Optional.empty();
        }
        return Optional.of(new AckInfo(UUID.fromString(f[1]), AckInfo.Status.valueOf(f[2]),
                f[3].isEmpty() ? null : f[3], f[4].isEmpty() ? null : f[4], null));
    };

    /** Deliveries per messageId (read from correlationData). */
    final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final List<MqttMessage> firstMessages = new CopyOnWriteArrayList<>();
    final Map<String, String> status = new ConcurrentHashMap<>();
    volatile Reply reply = Reply.ACCEPT;
    /** Messages whose text ends with this are answered REJECTED. */
    volatile String rejectMarker = "REJECT-ME";

    private final MqttAsyncClient client;
    private final ExecutorService replies = Executors.newSingleThreadExecutor();

    TestHub(String uri) throws MqttException {
        client = TestHubClient.connect(uri, new MqttSubscription[] {
                new MqttSubscription("runt/v1/+/+/inspection", 1),
                new MqttSubscription("runt/v1/+/+/status", 1)}, this::onMessage);
    }

    private void onMessage(String topic, MqttMessage message) throws MqttException {
        String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
        if (topic.endsWith("/status")) {
            status.put(topic, payload);
            return;
        }
        MqttProperties in = message.getProperties();
        UUID id = UUID.fromString(new String(in.getCorrelationData(), StandardCharsets.US_ASCII));
        if (deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1) {
            firstMessages.add(message);
        }
        String ack = switch (reply) {
            case NONE -> null;
            case FORGED -> "FORGED|" + id + "|ACCEPTED||";
            case ACCEPT -> payload.endsWith(rejectMarker)
                    ? "ACK|" + id + "|REJECTED|CAPACITY_EXCEEDED|"
                    : "ACK|" + id + "|" + (deliveries.get(id).get() > 1 ? "DUPLICATE" : "ACCEPTED") + "||F-" + id;
        };
        if (ack != null) {
            MqttMessage out = new MqttMessage(ack.getBytes(StandardCharsets.UTF_8));
            out.setQos(1);
            MqttProperties props = new MqttProperties();
            props.setCorrelationData(in.getCorrelationData());
            out.setProperties(props);
            String replyTopic = in.getResponseTopic();
            replies.execute(() -> publishRetrying(replyTopic, out)); // never block Paho's callback thread
        }
    }

    /** Paho refuses (32202) rather than queues publishes beyond the broker's Receive Maximum. */
    private void publishRetrying(String topic, MqttMessage message) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                client.publish(topic, message);
                return;
            } catch (MqttException e) {
                try {
                    Thread.sleep(e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT ? 2 : 200);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    void publishRetained(String topic, String payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(true);
        client.publish(topic, m).waitForCompletion(5_000);
    }

    @Override
    public void close() throws MqttException {
        replies.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            } else {
                client.disconnectForcibly(0, 1_000, false);
            }
        } finally {
            client.close(true);
        }
    }
}
