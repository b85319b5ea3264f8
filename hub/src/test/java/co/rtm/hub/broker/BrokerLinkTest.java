package co.rtm.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.rtm.hub.transport.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub attached in-process to its embedded broker: stations' results reach the hub without a subscriber, the
 * broker's ACL still answers everything else, and acks and config reach the stations. Real broker, real clients.
 */
class BrokerLinkTest {
    private static final int SUCCESS = 0x00;
    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;
    private static final int UNSPECIFIED_ERROR = 0x80;
    private static final int NOT_AUTHORIZED = 0x87;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private EmbeddedBroker broker;
    private BrokerLink link;
    private final List<InboundMessage> taken = new CopyOnWriteArrayList<>();
    private final InMemoryAuthenticator auth = new InMemoryAuthenticator()
            .addHub("watcher", "w-secret")
            .addStation("C1", "S1", "s1-secret")
            .addStation("C1", "S2", "s2-secret");

    @BeforeEach
    void start() {
        QuietLogs.apply();
        broker = EmbeddedBroker.start(dir, 0, auth);
        link = broker.attach(message -> {
            taken.add(message);
            return CompletableFuture.completedFuture(null);
        });
    }

    @AfterEach
    void stop() {
        broker.stop();
    }

    @Test
    void aStationsResultGoesToTheHubWithItsPropertiesAndToNoSubscriber() throws Exception {
        try (StationClient watcher = StationClient.connect(broker.url(), "watcher", "watcher", "w-secret", null);
             StationClient s1 = StationClient.connect(broker.url(), "S1", "s1-secret")) {
            assertThat(watcher.subscribe("runt/v1/#")).isEqualTo(1);
            byte[] correlation = "m-1".getBytes(StandardCharsets.US_ASCII);

            assertThat(s1.publish("runt/v1/C1/S1/inspection", "{\"r\":1}", "runt/v1/C1/S1/ack", correlation))
                    .isEqualTo(SUCCESS);

            await().atMost(WAIT).until(() -> taken.size() == 1);
            InboundMessage m = taken.get(0);
            assertThat(m.topic()).isEqualTo("runt/v1/C1/S1/inspection");
            assertThat(new String(m.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"r\":1}");
            assertThat(m.responseTopic()).contains("runt/v1/C1/S1/ack");
            assertThat(m.correlationData()).hasValueSatisfying(c -> assertThat(c).isEqualTo(correlation));
            // a status published afterwards is routed: once it arrived, the result would have arrived before it
            assertThat(s1.publish("runt/v1/C1/S1/status", "online")).isEqualTo(SUCCESS);
            await().atMost(WAIT).until(() -> !watcher.receivedTopics().isEmpty());
            assertThat(watcher.receivedTopics()).containsExactly("runt/v1/C1/S1/status");
        }
    }

    @Test
    void everyKindOfResultIsTakenButAnotherStationsTopicOrARetainedResultIsRefusedByTheAcl() throws Exception {
        try (StationClient s1 = StationClient.connect(broker.url(), "S1", "s1-secret")) {
            for (String kind : List.of("inspection", "exam", "track", "event")) {
                assertThat(s1.publish("runt/v1/C1/S1/" + kind, kind)).isEqualTo(SUCCESS);
            }
        }
        // the broker answers a refused publish by dropping the connection: one connection each
        for (String topic : List.of("runt/v1/C1/S2/inspection", "runt/v1/C9/S1/inspection", "runt/v1/C1/S1/ack")) {
            try (StationClient s1 = StationClient.connect(broker.url(), "S1", "s1-secret")) {
                assertThat(s1.publish(topic, "not mine")).as(topic).isEqualTo(NOT_AUTHORIZED);
            }
        }
        try (StationClient s1 = StationClient.connect(broker.url(), "S1", "s1-secret")) {
            assertThat(s1.publishRetained("runt/v1/C1/S1/inspection", "retained")).isEqualTo(NOT_AUTHORIZED);
        }
        try (StationClient s1 = StationClient.connect(broker.url(), "S1", "s1-secret")) {
            assertThat(s1.publish("runt/v1/C1/S1/inspection", "marker")).isEqualTo(SUCCESS);
        }

        // the marker came last: once it is here, the refused ones would have been too
        await().atMost(WAIT).until(() -> taken.size() == 5);
        assertThat(taken).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactly("inspection", "exam", "track", "event", "marker");
    }

    @Test
    void statusReachesTheHubAndStaysRetainedForSubscribers() throws Exception {
        try (StationClient s1 = StationClient.connect(broker.url(), "S1", "s1-secret")) {
            assertThat(s1.publishRetained("runt/v1/C1/S1/status", "online")).isIn(SUCCESS, NO_MATCHING_SUBSCRIBERS);
        }
        await().atMost(WAIT).until(() -> taken.size() == 1);
        assertThat(new String(taken.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("online");
        try (StationClient watcher = StationClient.connect(broker.url(), "watcher", "watcher", "w-secret", null)) {
            watcher.subscribe("runt/v1/+/+/status");
            await().atMost(WAIT).until(() -> watcher.received().size() == 1);
            assertThat(new String(watcher.received().get(0).getPayload(), StandardCharsets.UTF_8)).isEqualTo("online");
        }
    }

    @Test
    void repliesAndRetainedConfigReachTheStationWithTheCorrelationData() throws Exception {
        try (StationClient s1 = StationClient.connect(broker.url(), "S1", "s1-secret")) {
            s1.subscribe("runt/v1/C1/S1/ack");
            byte[] correlation = "m-7".getBytes(StandardCharsets.US_ASCII);

            link.reply("runt/v1/C1/S1/ack", correlation, "signed ack".getBytes(StandardCharsets.UTF_8)).get();

            await().atMost(WAIT).until(() -> s1.received().size() == 1);
            assertThat(new String(s1.received().get(0).getPayload(), StandardCharsets.UTF_8)).isEqualTo("signed ack");
            assertThat(s1.received().get(0).getProperties().getCorrelationData()).isEqualTo(correlation);
        }
        link.publishRetained("runt/v1/C1/S2/config", "signed config".getBytes(StandardCharsets.UTF_8)).get();
        try (StationClient s2 = StationClient.connect(broker.url(), "S2", "s2-secret")) {
            s2.subscribe("runt/v1/C1/S2/config");
            await().atMost(WAIT).until(() -> s2.received().size() == 1);
            assertThat(s2.received().get(0).isRetained()).isTrue();
        }
    }

    @Test
    void afterTheHubLetGoResultsAreRefusedSoTheStationKeepsThem() throws Exception {
        link.close();
        try (StationClient s1 = StationClient.connect(broker.url(), "S1", "s1-secret")) {
            assertThat(s1.publish("runt/v1/C1/S1/inspection", "late")).isEqualTo(UNSPECIFIED_ERROR);
        }
        assertThat(taken).isEmpty();
        assertThat(link.isConnected()).isFalse();
        assertThat(broker.attach(m -> CompletableFuture.completedFuture(null)).isConnected()).isTrue();
    }

    @Test
    void oneHubAtATime() {
        assertThatThrownBy(() -> broker.attach(m -> CompletableFuture.completedFuture(null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStationThatDropsItsConnectionIsReportedOffline() throws Exception {
        StationClient s1 = StationClient.connect(broker.url(), "S1", "S1", "s1-secret", "runt/v1/C1/S1/status");
        s1.crash();
        await().atMost(WAIT).until(() -> !taken.isEmpty());
        assertThat(taken).extracting(InboundMessage::topic).containsExactly("runt/v1/C1/S1/status");
        assertThat(new String(taken.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("offline");
    }
}
