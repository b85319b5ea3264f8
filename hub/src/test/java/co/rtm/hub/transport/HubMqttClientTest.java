package co.rtm.hub.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.rtm.hub.broker.EmbeddedBroker;
import co.rtm.hub.broker.InMemoryAuthenticator;
import co.rtm.hub.broker.QuietLogs;
import co.rtm.hub.broker.StationClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub client against the real embedded broker on loopback, on the shared subscription. */
class HubMqttClientTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;

    private static final InMemoryAuthenticator AUTH = new InMemoryAuthenticator();
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        QuietLogs.apply();
        for (String hub : new String[] {"hub-a", "hub-b", "hub-c", "hub-d"}) {
            AUTH.addHub(hub, hub + "-secret");
        }
        for (String station : new String[] {"S1", "S2", "S3", "S4"}) {
            AUTH.addStation("C7", station, station + "-secret");
        }
        broker = EmbeddedBroker.start(dir, 0, AUTH);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    private static HubClientSettings hubSettings(String instanceId) {
        return HubClientSettings.of(broker.url(), instanceId, (instanceId + "-secret").getBytes(StandardCharsets.UTF_8))
                .withSessionExpiry(Duration.ofMinutes(5));
    }

    @Test
    void deliversRequestWithResponsePropertiesAndRoutesTheReplyToTheStation() throws Exception {
        byte[] correlation = {1, 2, 3, (byte) 0xFE};
        RecordingHandler inbox = new RecordingHandler();
        HubMqttClient[] hubRef = new HubMqttClient[1];
        MessageHandler replying = message -> {
            inbox.handle(message);
            // reply from inside the handler, as ingestion will, without waiting for its PUBACK
            hubRef[0].reply(message.responseTopic().orElseThrow(), message.correlationData().orElse(null),
                    ("ack:" + new String(message.payload(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        };
        try (HubMqttClient hub = HubMqttClient.connect(hubSettings("hub-a"), replying);
                StationClient station = StationClient.connect(broker.url(), "S1", "S1-secret")) {
            hubRef[0] = hub;
            assertThat(station.subscribe("runt/v1/C7/S1/ack")).isEqualTo(1);

            assertThat(station.publish("runt/v1/C7/S1/inspection", "insp-1", "runt/v1/C7/S1/ack", correlation)).isZero();

            await().atMost(WAIT).until(() -> !station.received().isEmpty());
            InboundMessage got = inbox.messages().get(0);
            assertThat(got.topic()).isEqualTo("runt/v1/C7/S1/inspection");
            assertThat(new String(got.payload(), StandardCharsets.UTF_8)).isEqualTo("insp-1");
            assertThat(got.responseTopic()).contains("runt/v1/C7/S1/ack");
            assertThat(got.correlationData()).hasValueSatisfying(c -> assertThat(c).isEqualTo(correlation));

            MqttMessage ack = station.received().get(0);
            assertThat(station.receivedTopics()).containsExactly("runt/v1/C7/S1/ack");
            assertThat(new String(ack.getPayload(), StandardCharsets.UTF_8)).isEqualTo("ack:insp-1");
            assertThat(ack.getProperties().getCorrelationData()).isEqualTo(correlation);
            assertThat(ack.getQos()).isEqualTo(1);

            // the hub's own ack also matches runt/v1/+/+/+ but is not handed to the handler
            await().during(Duration.ofMillis(500)).atMost(WAIT)
                    .until(() -> inbox.messages().stream().noneMatch(m -> m.topic().endsWith("/ack")));
        }
    }

    @Test
    void redeliversAMessageWhoseHandlerFailed() throws Exception {
        RecordingHandler inbox = new RecordingHandler();
        inbox.failNext(1);
        try (HubMqttClient hub = HubMqttClient.connect(hubSettings("hub-b"), inbox);
                StationClient station = StationClient.connect(broker.url(), "S2", "S2-secret")) {
            assertThat(station.publish("runt/v1/C7/S2/exam", "exam-1")).isZero();

            await().atMost(WAIT).until(() -> inbox.payloadsUnder("runt/v1/C7/S2/").size() >= 2);
            assertThat(inbox.payloadsUnder("runt/v1/C7/S2/")).containsExactly("exam-1", "exam-1");
            await().atMost(WAIT).until(hub::isConnected);

            // and the client keeps working after the automatic reconnect
            assertThat(station.publish("runt/v1/C7/S2/exam", "exam-2")).isZero();
            await().atMost(WAIT).until(() -> inbox.payloadsUnder("runt/v1/C7/S2/").contains("exam-2"));
        }
    }

    @Test
    void redeliversToTheRestartedHubWhatACrashedHubNeverAcknowledged() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        MessageHandler stuck = message -> {
            arrived.countDown();
            never.await(); // the "commit" never finishes: the hub dies first
        };
        HubMqttClient crashing = HubMqttClient.connect(hubSettings("hub-c"), stuck);
        try (StationClient station = StationClient.connect(broker.url(), "S3", "S3-secret")) {
            assertThat(station.publish("runt/v1/C7/S3/track", "fixes-1")).isZero();
            assertThat(arrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        crashing.crash();
        never.countDown();

        RecordingHandler inbox = new RecordingHandler();
        try (HubMqttClient restarted = HubMqttClient.connect(hubSettings("hub-c"), inbox)) {
            await().atMost(WAIT).until(() -> inbox.payloadsUnder("runt/v1/C7/S3/").contains("fixes-1"));
        }
    }

    @Test
    void receivesWhatWasPublishedWhileTheHubWasAway() throws Exception {
        RecordingHandler first = new RecordingHandler();
        HubMqttClient.connect(hubSettings("hub-d"), first).close();

        try (StationClient station = StationClient.connect(broker.url(), "S4", "S4-secret")) {
            assertThat(station.publish("runt/v1/C7/S4/event", "boot")).isZero();
        }

        RecordingHandler inbox = new RecordingHandler();
        try (HubMqttClient hub = HubMqttClient.connect(hubSettings("hub-d"), inbox)) {
            await().atMost(WAIT).until(() -> inbox.payloadsUnder("runt/v1/C7/S4/").contains("boot"));
        }
    }

}
