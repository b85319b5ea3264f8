package co.rtm.agent.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import co.rtm.agent.outbox.AckInfo;
import co.rtm.agent.outbox.MessageState;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.outbox.OutboxFullException;
import co.rtm.agent.outbox.OutboxMessage;

/** The uplink against a real Mosquitto and a stand-in hub client. */
class MqttUplinkTest {

    private static final StationTopics TOPICS = new StationTopics("CDA0001", "LANE-01");

    @TempDir
    Path dir;

    private MosquittoProcess broker;
    private TestHub hub;
    private Outbox outbox;
    private MqttUplink uplink;
    private final List<String> configs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        broker = MosquittoProcess.start(dir);
        hub = new TestHub(broker.uri());
        outbox = Outbox.open(dir.resolve("station"), OutboxConfig.defaults());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (uplink != null) {
            uplink.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (outbox != null) {
            outbox.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private void startUplink(Duration ackTimeout, int window) {
        UplinkConfig config = UplinkConfig.of(broker.uri(), TOPICS, "S3cret!pass")
                .withAckTimeout(ackTimeout).withInFlightWindow(window).withMaxBackoff(Duration.ofSeconds(1));
        uplink = new MqttUplink(config, outbox, TestHub.VERIFIER,
                p -> configs.add(new String(p, StandardCharsets.UTF_8)));
        uplink.start();
    }

    private UUID append(String text) {
        try {
            UUID id = outbox.append(TOPICS.forType("inspection"), "inspection",
                    s -> (s.messageId() + "|" + s.seq() + "|" + text).getBytes(StandardCharsets.UTF_8)).messageId();
            if (uplink != null) {
                uplink.wake();
            }
            return id;
        } catch (OutboxFullException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void messagesDrainToTheHubAndAreConfirmedByItsAcks() throws Exception {
        hub.publishRetained(TOPICS.config(), "config-v1");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) { // more than the window, and than the broker's receive maximum
            ids.add(append("m" + i + (i == 7 ? " REJECT-ME" : "")));
        }
        startUplink(Duration.ofSeconds(30), 100);

        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.pendingCount() == 0);
        assertThat(hub.deliveries.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(outbox.count(MessageState.ACKED)).isEqualTo(499);
        assertThat(outbox.find(ids.get(0))).get().extracting(OutboxMessage::furNumber).isEqualTo("F-" + ids.get(0));
        assertThat(outbox.rejected()).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(ids.get(7));
            assertThat(m.ackReason()).isEqualTo("CAPACITY_EXCEEDED");
        });

        var first = hub.firstMessages.get(0);
        assertThat(first.getQos()).isEqualTo(1);
        assertThat(first.getProperties().getResponseTopic()).isEqualTo(TOPICS.ack());
        assertThat(first.getProperties().getContentType()).isEqualTo("application/jose+json");
        assertThat(hub.status).containsEntry(TOPICS.status(), "online");
        await().atMost(Duration.ofSeconds(5)).until(() -> configs.contains("config-v1"));

        uplink.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> "offline".equals(hub.status.get(TOPICS.status())));
    }

    @Test
    void pubackAloneNeverRemovesARowAndUnackedMessagesAreResent() {
        hub.reply = TestHub.Reply.NONE;
        UUID a = append("a");
        UUID b = append("b");
        startUplink(Duration.ofSeconds(2), 100);

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.count(MessageState.SENT) == 2);
        assertThat(outbox.pendingCount()).isEqualTo(2);
        // resent after the ack timeout, still stored
        await().atMost(Duration.ofSeconds(15)).until(() ->
                hub.deliveries.get(a).get() >= 2 && hub.deliveries.get(b).get() >= 2);
        assertThat(outbox.pendingCount()).isEqualTo(2);

        // an ack that does not verify changes nothing
        hub.reply = TestHub.Reply.FORGED;
        int before = hub.deliveries.get(a).get();
        await().atMost(Duration.ofSeconds(15)).until(() -> hub.deliveries.get(a).get() > before);
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(outbox.find(a)).get().extracting(OutboxMessage::attempts).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(2));

        hub.reply = TestHub.Reply.ACCEPT;
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.pendingCount() == 0);
        assertThat(outbox.find(a)).get().satisfies(m -> {
            assertThat(m.state()).isEqualTo(MessageState.ACKED);
            assertThat(m.ackStatus()).isIn(AckInfo.Status.ACCEPTED, AckInfo.Status.DUPLICATE);
        });
    }

    @Test
    void brokerKilledMidDrainAndRestartedLosesNothing() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(append("before-" + i));
        }
        startUplink(Duration.ofSeconds(3), 10);
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.count(MessageState.ACKED) >= 30);
        assertThat(outbox.pendingCount()).isPositive(); // really mid-drain

        broker.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> !uplink.isConnected());
        for (int i = 0; i < 100; i++) {
            ids.add(append("while-down-" + i)); // the station keeps working offline
        }
        Thread.sleep(1_500);
        broker.start();

        await().atMost(Duration.ofSeconds(90)).until(() -> outbox.pendingCount() == 0);
        assertThat(outbox.count(MessageState.ACKED)).isEqualTo(400);
        assertThat(outbox.rejected()).isEmpty();
        assertThat(hub.deliveries.keySet()).containsAll(ids);
        assertThat(outbox.nextToSend(1_000)).isEmpty();
    }

    @Test
    void firstConnectIsRetriedUntilTheBrokerComesUp() throws Exception {
        hub.close();
        hub = null;
        broker.kill();
        UUID id = append("offline at boot");
        startUplink(Duration.ofSeconds(5), 100);
        Thread.sleep(1_500);
        assertThat(uplink.isConnected()).isFalse();

        broker.start();
        hub = new TestHub(broker.uri());
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.pendingCount() == 0);
        assertThat(hub.deliveries).containsKey(id);
    }
}
