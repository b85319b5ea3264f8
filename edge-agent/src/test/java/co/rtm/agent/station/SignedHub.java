package co.rtm.agent.station;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.scoring.Verdict;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationEvent;
import co.rtm.profiles.wire.VerificationKey;

/**
 * A small stand-in hub: verifies each inspection and event envelope with the station's public key, re-scores
 * inspections, and answers on the response topic with an ack signed by the hub key, the way DESIGN §3 says.
 */
final class SignedHub implements AutoCloseable {

    enum Mode { ACCEPT, REJECT, SILENT }

    private static final MqttSubscription[] SUBSCRIPTIONS = {
            new MqttSubscription("runt/v1/+/+/inspection", 1), new MqttSubscription("runt/v1/+/+/event", 1)};

    /** One verified inspection as received, with the verdict the hub re-scored. */
    record Received(InspectionMessage message, Verdict rescored) {
    }

    final Map<UUID, Received> inspections = new ConcurrentHashMap<>();
    final List<Long> firstSeqs = new CopyOnWriteArrayList<>();
    final List<StationEvent> events = new CopyOnWriteArrayList<>();
    final List<String> badSignatures = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.ACCEPT;

    private final VerificationKey stationKey;
    private final SigningKey hubKey;
    private final MqttAsyncClient client;
    private final ExecutorService replies = Executors.newSingleThreadExecutor();
    private final AtomicLong fur = new AtomicLong();
    private final Scorer scorer = Scorer.builtIn();
    private final ScoringInputReader reader = new ScoringInputReader(scorer.rules().catalogue()::contains);

    SignedHub(String uri, TestStation station) throws MqttException {
        this.stationKey = station.stationKey().verificationKey();
        this.hubKey = station.hubKey();
        client = co.rtm.agent.uplink.TestHubClient.connect(uri, SUBSCRIPTIONS, this::onMessage);
    }

    private void onMessage(String topic, MqttMessage message) throws Exception {
        Envelope envelope = Envelope.parse(message.getPayload());
        if (!envelope.verify(stationKey)) {
            badSignatures.add(topic);
            return;
        }
        UUID id;
        boolean first;
        if (topic.endsWith("/inspection")) {
            InspectionMessage m = Json.read(envelope.payload(), InspectionMessage.class);
            Verdict rescored = scorer.score(reader.read(m.input(), "input"),
                    Profiles.builtIn(m.profile().substring(0, m.profile().indexOf('@'))).orElseThrow()).verdict();
            id = m.messageId();
            first = inspections.putIfAbsent(id, new Received(m, rescored)) == null;
            if (first) {
                firstSeqs.add(m.seq());
            }
        } else {
            StationEvent e = Json.read(envelope.payload(), StationEvent.class);
            id = e.messageId();
            first = events.stream().noneMatch(x -> x.messageId().equals(e.messageId()));
            if (first) {
                events.add(e);
            }
        }
        Ack ack = switch (mode) {
            case SILENT -> null;
            case REJECT -> Ack.rejected(id, RejectReason.CAPACITY_EXCEEDED, OffsetDateTime.now());
            case ACCEPT -> first
                    ? Ack.accepted(id, fur.incrementAndGet(), null, OffsetDateTime.now())
                    : Ack.duplicate(id, null, null, OffsetDateTime.now());
        };
        if (ack == null) {
            return;
        }
        MqttMessage out = new MqttMessage(Envelope.sign(Json.write(ack), "ack", hubKey));
        out.setQos(1);
        MqttProperties props = new MqttProperties();
        props.setCorrelationData(message.getProperties().getCorrelationData());
        out.setProperties(props);
        String replyTopic = message.getProperties().getResponseTopic();
        replies.execute(() -> publishRetrying(replyTopic, out));
    }

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
