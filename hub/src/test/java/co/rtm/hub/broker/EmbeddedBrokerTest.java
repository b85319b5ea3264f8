package co.rtm.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.rtm.hub.transport.HubClientSettings;
import co.rtm.hub.transport.HubMqttClient;
import co.rtm.hub.transport.RecordingHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication and topic ACL of the embedded broker, with real clients on loopback. */
class EmbeddedBrokerTest {

    private static final int NOT_AUTHORIZED = 0x87;
    private static final int BAD_USERNAME_OR_PASSWORD = 0x86;

    @TempDir
    static Path dir;

    private static final InMemoryAuthenticator AUTH = new InMemoryAuthenticator()
            .addHub("hub-1", "hub-secret")
            .addStation("C1", "S1", "s1-secret")
            .addStation("C1", "S2", "s2-secret")
            .addStation("C1", "S3", "s3-secret")
            .addStation("C2", "S4", "s4-secret");
    private static EmbeddedBroker broker;
    private static HubMqttClient hub;
    private static final RecordingHandler HUB_INBOX = new RecordingHandler();

    @BeforeAll
    static void startBroker() throws MqttException {
        QuietLogs.apply();
        broker = EmbeddedBroker.start(dir, 0, AUTH);
        hub = HubMqttClient.connect(
                HubClientSettings.of(broker.url(), "hub-1", "hub-secret".getBytes(StandardCharsets.UTF_8)).withShared(false),
                HUB_INBOX);
    }

    @AfterAll
    static void stopBroker() {
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void writesConfigWithoutUsageStatisticsAndOnlyTheLoopbackListener() throws Exception {
        String xml = Files.readString(dir.resolve("conf/config.xml"));
        assertThat(xml).containsIgnoringWhitespaces("<anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>");
        assertThat(xml).contains("<bind-address>127.0.0.1</bind-address>");
        assertThat(xml.split("<tcp-listener>", -1)).hasSize(2);
        assertThat(xml).doesNotContain("websocket", "tls");
        assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());
    }

    @Test
    void refusesBadPasswordAtConnect() {
        assertThatThrownBy(() -> StationClient.connect(broker.url(), "S1", "wrong"))
                .isInstanceOfSatisfying(MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(BAD_USERNAME_OR_PASSWORD));
    }

    @Test
    void refusesUnknownStation() {
        assertThatThrownBy(() -> StationClient.connect(broker.url(), "S9", "s1-secret"))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void refusesClientIdOtherThanTheUsername() {
        // Otherwise S1 could take over S2's persistent session and read S2's queued acks.
        assertThatThrownBy(() -> StationClient.connect(broker.url(), "S2", "S1", "s1-secret", null))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void refusesWillOutsideTheOwnStatusTopic() throws MqttException {
        assertThatThrownBy(() -> StationClient.connect(broker.url(), "S1", "S1", "s1-secret", "runt/v1/C1/S2/status"))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(NOT_AUTHORIZED));
        try (StationClient ok = StationClient.connect(broker.url(), "S1", "S1", "s1-secret", "runt/v1/C1/S1/status")) {
            assertThat(ok.isConnected()).isTrue();
        }
    }

    @Test
    void disconnectsAStationPublishingOnAnotherStationsTopicAndDeliversNothing() throws MqttException {
        assertPublishRefused("S1", "s1-secret", "runt/v1/C1/S2/inspection", "forged");
        assertPublishRefused("S1", "s1-secret", "runt/v1/C2/S1/inspection", "wrong center");
        assertPublishRefused("S1", "s1-secret", "runt/v1/C1/S1/ack", "self ack");

        // The marker comes after the refused messages, so once it is here they would have been too.
        try (StationClient s1 = StationClient.connect(broker.url(), "S1", "s1-secret")) {
            assertThat(s1.publish("runt/v1/C1/S1/inspection", "marker")).isZero();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> HUB_INBOX.payloadsUnder("runt/v1/C1/S1/").contains("marker"));
        assertThat(HUB_INBOX.payloadsUnder("runt/v1/C1/S2/")).doesNotContain("forged");
        assertThat(HUB_INBOX.payloadsUnder("runt/v1/C2/")).doesNotContain("wrong center");
        assertThat(HUB_INBOX.payloadsUnder("runt/v1/C1/S1/ack")).isEmpty();
    }

    @Test
    void letsAStationPublishOnlyItsOwnKinds() throws MqttException {
        try (StationClient s3 = StationClient.connect(broker.url(), "S3", "s3-secret")) {
            for (String kind : new String[] {"inspection", "exam", "track", "event", "status"}) {
                assertThat(s3.publish("runt/v1/C1/S3/" + kind, kind)).as(kind).isZero();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> HUB_INBOX.payloadsUnder("runt/v1/C1/S3/").size() == 5);
        assertPublishRefused("S3", "s3-secret", "runt/v1/C1/S3/config", "x");
        assertPublishRefused("S3", "s3-secret", "runt/v1/C1/S3/inspection/extra", "x");
    }

    /**
     * HiveMQ CE enforces default permissions by disconnecting the publisher with reason code
     * NOT_AUTHORIZED (0x87), even for MQTT 5 QoS 1, rather than answering with a failed PUBACK.
     */
    private static void assertPublishRefused(String stationId, String password, String topic, String payload)
            throws MqttException {
        try (StationClient station = StationClient.connect(broker.url(), stationId, password)) {
            assertThat(station.publish(topic, payload)).isEqualTo(NOT_AUTHORIZED);
            await().atMost(Duration.ofSeconds(5)).until(() -> !station.isConnected());
        }
    }

    @Test
    void refusesSubscriptionsToAnotherStationsTopics() throws Exception {
        try (StationClient s1 = StationClient.connect(broker.url(), "S1", "s1-secret")) {
            assertThat(s1.subscribe("runt/v1/C1/S2/ack")).isEqualTo(NOT_AUTHORIZED);
            assertThat(s1.subscribe("runt/v1/C1/+/ack")).isEqualTo(NOT_AUTHORIZED);
            assertThat(s1.subscribe("runt/v1/#")).isEqualTo(NOT_AUTHORIZED);
            assertThat(s1.subscribe("$share/hub/runt/v1/+/+/+")).isEqualTo(NOT_AUTHORIZED);
            assertThat(s1.subscribe("runt/v1/C1/S1/inspection")).isEqualTo(NOT_AUTHORIZED);
            assertThat(s1.subscribe("runt/v1/C1/S1/ack")).isEqualTo(1);
            assertThat(s1.subscribe("runt/v1/C1/S1/config")).isEqualTo(1);

            hub.reply("runt/v1/C1/S2/ack", null, "for S2".getBytes(StandardCharsets.UTF_8)).get();
            hub.reply("runt/v1/C1/S1/ack", null, "for S1".getBytes(StandardCharsets.UTF_8)).get();
            await().atMost(Duration.ofSeconds(10)).until(() -> !s1.received().isEmpty());
            assertThat(s1.receivedTopics()).containsExactly("runt/v1/C1/S1/ack");
        }
    }

    @Test
    void revokedStationIsDisconnectedAndCannotReconnect() throws Exception {
        try (StationClient s4 = StationClient.connect(broker.url(), "S4", "s4-secret")) {
            assertThat(s4.isConnected()).isTrue();

            AUTH.revoke("S4");
            assertThat(broker.disconnect("S4").get()).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() -> !s4.isConnected());
            assertThatThrownBy(() -> StationClient.connect(broker.url(), "S4", "s4-secret"))
                    .isInstanceOfSatisfying(MqttException.class,
                            e -> assertThat(e.getReasonCode()).isEqualTo(BAD_USERNAME_OR_PASSWORD));
            assertThat(broker.disconnect("S4").get()).as("nothing left to drop").isFalse();
        }
    }
}
