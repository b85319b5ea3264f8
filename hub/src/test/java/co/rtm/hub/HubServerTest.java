package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.registry.NewStation;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Verdict;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.TopicKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub end to end: embedded broker, SQLite, and real Paho clients acting as provisioned lanes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubServerTest {
    @TempDir
    static Path dir;
    static HubServer hub;

    @BeforeAll
    static void start() throws Exception {
        HubHome.init(dir);
        long t0 = System.nanoTime();
        hub = HubServer.start(HubConfig.embedded(dir, 0));
        System.out.printf("hub start: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        long t0 = System.nanoTime();
        hub.close();
        System.out.printf("hub stop: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    private static TestLane lane(String center, String station) throws Exception {
        return new TestLane(hub.provision(center, station, "cda-light"), hub.mqttUrl());
    }

    @Test
    void approvedResultsGetConsecutiveFurAndCertificatesAndARejectedOneOnlyAFur() throws Exception {
        try (TestLane lane = lane("CDA-NUM", "num-1")) {
            ScoreResult ok = TestLane.score(TestLane.approvedInput());
            assertThat(ok.verdict()).isEqualTo(Verdict.APPROVED);
            UUID first = UUID.randomUUID();
            long t0 = System.nanoTime();
            Ack a1 = lane.send(lane.sign(lane.inspection(first, 1, TestLane.approvedInput(), ok)), first);
            System.out.printf("first accept round trip: %.1f ms%n", (System.nanoTime() - t0) / 1e6);

            assertThat(a1.messageId()).isEqualTo(first);
            assertThat(a1.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(a1.furNumber()).isEqualTo(1);
            assertThat(a1.certificateNumber()).isNotNull();

            UUID second = UUID.randomUUID();
            Ack a2 = lane.send(lane.sign(lane.inspection(second, 2, TestLane.approvedInput(), ok)), second);
            assertThat(a2.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(a2.furNumber()).isEqualTo(2);
            assertThat(a2.certificateNumber()).isEqualTo(a1.certificateNumber() + 1);

            ScoreResult bad = TestLane.score(TestLane.rejectedInput());
            assertThat(bad.verdict()).isEqualTo(Verdict.REJECTED);
            UUID third = UUID.randomUUID();
            Ack a3 = lane.send(lane.sign(lane.inspection(third, 3, TestLane.rejectedInput(), bad)), third);
            assertThat(a3.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(a3.furNumber()).isEqualTo(3);
            assertThat(a3.certificateNumber()).isNull();

            // a few more to time a warm round trip
            long best = Long.MAX_VALUE;
            for (int seq = 4; seq < 14; seq++) {
                UUID id = UUID.randomUUID();
                long t = System.nanoTime();
                assertThat(lane.send(lane.sign(lane.inspection(id, seq, TestLane.approvedInput(), ok)), id).status())
                        .isEqualTo(AckStatus.ACCEPTED);
                best = Math.min(best, System.nanoTime() - t);
            }
            System.out.printf("warm accept round trip (best of 10): %.1f ms%n", best / 1e6);
            assertThat(count("SELECT COUNT(*) FROM results WHERE station_id = 'num-1'")).isEqualTo(13);
        }
    }

    @Test
    void theSameMessageTwiceIsADuplicateWithTheSameNumbersAndChangesNothing() throws Exception {
        try (TestLane lane = lane("CDA-DUP", "dup-1")) {
            ScoreResult ok = TestLane.score(TestLane.approvedInput());
            UUID id = UUID.randomUUID();
            byte[] envelope = lane.sign(lane.inspection(id, 1, TestLane.approvedInput(), ok));
            Ack first = lane.send(envelope, id);
            String before = snapshot();

            Ack again = lane.send(envelope, id);

            assertThat(again.status()).isEqualTo(AckStatus.DUPLICATE);
            assertThat(again.furNumber()).isEqualTo(first.furNumber());
            assertThat(again.certificateNumber()).isEqualTo(first.certificateNumber());
            assertThat(again.acceptedAt()).isEqualTo(first.acceptedAt());
            assertThat(snapshot()).isEqualTo(before);
            assertThat(hub.counters().duplicates()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aForgedSignatureIsRefusedStoredAndNotNumbered() throws Exception {
        try (TestLane lane = lane("CDA-SIG", "sig-1")) {
            ScoreResult ok = TestLane.score(TestLane.approvedInput());
            UUID id = UUID.randomUUID();
            InspectionMessage m = lane.inspection(id, 1, TestLane.approvedInput(), ok);
            byte[] forged = Envelope.sign(Json.write(m), InspectionMessage.TYPE, Ed25519Keys.generate("sig-1#1"));

            Ack ack = lane.send(forged, id);

            assertThat(ack.status()).isEqualTo(AckStatus.REJECTED);
            assertThat(ack.reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
            assertThat(ack.furNumber()).isNull();
            assertThat(count("SELECT COUNT(*) FROM refusals WHERE station_id = 'sig-1' AND reason_code = 'BAD_SIGNATURE'"
                    + " AND message_id = '" + id + "'")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM results WHERE station_id = 'sig-1'")).isZero();
            assertThat(count("SELECT COUNT(*) FROM counters WHERE series = 'FUR:CDA-SIG'")).isZero();
            assertThat(hub.counters().refused("BAD_SIGNATURE")).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void payloadIdsOfAnotherStationAreATopicMismatch() throws Exception {
        try (TestLane lane = lane("CDA-TOP", "top-1"); TestLane other = lane("CDA-TOP", "top-2")) {
            ScoreResult ok = TestLane.score(TestLane.approvedInput());
            UUID id = UUID.randomUUID();
            InspectionMessage theirs = other.inspection(id, 1, TestLane.approvedInput(), ok);

            Ack ack = lane.send(lane.sign(theirs), id);

            assertThat(ack.reason()).isEqualTo(RejectReason.TOPIC_MISMATCH);
            assertThat(count("SELECT COUNT(*) FROM results WHERE center_id = 'CDA-TOP'")).isZero();
        }
    }

    @Test
    void aStationWithoutARegisteredKeyIsRefusedAndStored() throws Exception {
        hub.registry().createCenter("CDA-KEY", co.rtm.hub.registry.CenterKind.CDA, "CDA-KEY", "CDA-KEY");
        NewStation keyless = hub.registry().createStation("key-1", "CDA-KEY", "cda-light@1");
        StationBundle bundle = new StationBundle(StationBundle.FORMAT, "CDA-KEY", "key-1", "cda-light@1", 1,
                Ed25519Keys.generate("key-1#1").seedBase64Url(), HubHome.HUB_KEY_ID,
                HubHome.open(dir).hubKey().verificationKey().toBase64Url(),
                new StationBundle.Mqtt(hub.mqttUrl(), "key-1", keyless.mqttPassword()), java.time.OffsetDateTime.now());
        try (TestLane lane = new TestLane(bundle, hub.mqttUrl())) {
            UUID id = UUID.randomUUID();
            Ack ack = lane.send(lane.sign(lane.inspection(id, 1, TestLane.approvedInput(),
                    TestLane.score(TestLane.approvedInput()))), id);
            assertThat(ack.reason()).isEqualTo(RejectReason.UNKNOWN_KEY);
            assertThat(count("SELECT COUNT(*) FROM refusals WHERE station_id = 'key-1' AND reason_code = 'UNKNOWN_KEY'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aReplayedSeqUnderANewMessageIdIsRefusedButANeverSeenLowerSeqIsAccepted() throws Exception {
        try (TestLane lane = lane("CDA-SEQ", "seq-1")) {
            ScoreResult ok = TestLane.score(TestLane.approvedInput());
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            UUID c = UUID.randomUUID();
            UUID d = UUID.randomUUID();
            assertThat(lane.send(lane.sign(lane.inspection(a, 1, TestLane.approvedInput(), ok)), a).status())
                    .isEqualTo(AckStatus.ACCEPTED);
            assertThat(lane.send(lane.sign(lane.inspection(b, 3, TestLane.approvedInput(), ok)), b).status())
                    .isEqualTo(AckStatus.ACCEPTED);

            Ack replay = lane.send(lane.sign(lane.inspection(c, 1, TestLane.approvedInput(), ok)), c);
            Ack late = lane.send(lane.sign(lane.inspection(d, 2, TestLane.approvedInput(), ok)), d);

            assertThat(replay.status()).isEqualTo(AckStatus.REJECTED);
            assertThat(replay.reason()).isEqualTo(RejectReason.REPLAYED_SEQ);
            assertThat(late.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(late.furNumber()).isEqualTo(3);
        }
    }

    @Test
    void aVerdictThatDoesNotFollowFromTheReadingsIsRefused() throws Exception {
        try (TestLane lane = lane("CDA-VER", "ver-1")) {
            JsonNode bad = TestLane.rejectedInput();
            ScoreResult claimedApproved = TestLane.score(TestLane.approvedInput());
            UUID id = UUID.randomUUID();

            Ack ack = lane.send(lane.sign(lane.inspection(id, 1, bad, claimedApproved)), id);

            assertThat(ack.reason()).isEqualTo(RejectReason.VERDICT_MISMATCH);
            assertThat(detail(id)).contains("claimed APPROVED").contains("re-scored REJECTED");
            assertThat(count("SELECT COUNT(*) FROM results WHERE station_id = 'ver-1'")).isZero();
        }
    }

    @Test
    void malformedJsonIsStoredWithoutAnAnswer() throws Exception {
        try (TestLane lane = lane("CDA-MAL", "mal-1")) {
            long before = count("SELECT COUNT(*) FROM refusals WHERE station_id = 'mal-1'");
            assertThat(lane.client.publish(lane.topic(TopicKind.INSPECTION), "{not json", lane.topic(TopicKind.ACK),
                    null)).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    count("SELECT COUNT(*) FROM refusals WHERE station_id = 'mal-1' AND reason_code = 'MALFORMED_ENVELOPE'")
                            == before + 1);
            Thread.sleep(300);
            assertThat(lane.client.received()).isEmpty();
        }
    }

    @Test
    void eventsAreRecordedAndStatusIsRemembered() throws Exception {
        try (TestLane lane = lane("CDA-EVT", "evt-1")) {
            UUID id = UUID.randomUUID();
            co.rtm.profiles.wire.StationEvent event = co.rtm.profiles.wire.StationEvent.of(
                    new co.rtm.profiles.wire.MessageHeader(id, "CDA-EVT", "evt-1", 1, "boot-1",
                            java.time.OffsetDateTime.parse("2026-11-20T10:00:00-05:00")),
                    co.rtm.profiles.wire.EventType.BOOT, java.util.Map.of("version", "0.1.0"));
            byte[] envelope = Envelope.sign(Json.write(event), "event", lane.key);
            assertThat(lane.sendOn(lane.topic(TopicKind.EVENT), envelope, id).status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(lane.sendOn(lane.topic(TopicKind.EVENT), envelope, id).status()).isEqualTo(AckStatus.DUPLICATE);
            assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'STATION_EVENT' AND subject = '" + id + "'"))
                    .isEqualTo(1);

            lane.client.publish(lane.topic(TopicKind.STATUS), "online");
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.presence().of("evt-1").isPresent());
            assertThat(hub.presence().of("evt-1").orElseThrow().online()).isTrue();
        }
    }

    /** Last: it breaks the ledger on purpose. (A second embedded broker in this JVM would kill the first one's executor.) */
    @Test
    @Order(Integer.MAX_VALUE)
    void verifyLedgerIsOkOnTheResultsAndFailsAfterAGapIsPlanted() throws Exception {
        Path own = dir;
        try (TestLane lane = lane("CDA-LED", "led-1")) {
            ScoreResult ok = TestLane.score(TestLane.approvedInput());
            for (int seq = 1; seq <= 3; seq++) {
                UUID id = UUID.randomUUID();
                assertThat(lane.send(lane.sign(lane.inspection(id, seq, TestLane.approvedInput(), ok)), id).status())
                        .isEqualTo(AckStatus.ACCEPTED);
            }
            UUID forged = UUID.randomUUID();
            lane.send(Envelope.sign(Json.write(lane.inspection(forged, 4, TestLane.approvedInput(), ok)),
                    InspectionMessage.TYPE, Ed25519Keys.generate("led-1#1")), forged);
        }
        String[] args = {"verify-ledger", "--data", own.toString(), "--json"};
        StringWriter out = new StringWriter();
        assertThat(HubMain.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args)).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("ok").asBoolean()).as(out.toString()).isTrue();
        assertThat(report.get("results").asLong()).isEqualTo(count("SELECT COUNT(*) FROM results"));
        assertThat(report.get("approved").asLong()).isEqualTo(count("SELECT COUNT(*) FROM results WHERE verdict = 'APPROVED'"));
        assertThat(report.get("certificates").asLong()).isEqualTo(count("SELECT COUNT(*) FROM results WHERE certificate_number IS NOT NULL"));
        assertThat(report.get("refused").asLong()).isEqualTo(count("SELECT COUNT(*) FROM refusals")).isPositive();
        assertThat(report.get("badSignatures").asLong()).isZero();
        assertThat(report.get("auditChainOk").asBoolean()).isTrue();

        // plant a gap: the result holding FUR 2 disappears
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                co.rtm.hub.store.Database.defaultUrl(own)); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_delete");
            assertThat(s.executeUpdate("DELETE FROM results WHERE station_id = 'led-1' AND fur_number = 2")).isEqualTo(1);
        }
        StringWriter after = new StringWriter();
        assertThat(HubMain.run(new PrintWriter(after), new PrintWriter(new StringWriter()), args)).isEqualTo(1);
        JsonNode broken = new ObjectMapper().readTree(after.toString());
        assertThat(broken.get("ok").asBoolean()).isFalse();
        assertThat(broken.get("furGaps").asLong()).isEqualTo(1);
        assertThat(broken.get("certificateGaps").asLong()).isEqualTo(1);
        assertThat(broken.get("auditChainOk").asBoolean()).isFalse();
    }

    private static String snapshot() {
        return count("SELECT COUNT(*) FROM results") + "/" + count("SELECT COUNT(*) FROM refusals") + "/"
                + count("SELECT COUNT(*) FROM audit_log") + "/" + count("SELECT SUM(next_value) FROM counters");
    }

    private static String detail(UUID messageId) {
        return hub.database().read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT detail FROM refusals WHERE message_id = ?")) {
                ps.setString(1, messageId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    static long count(String sql) {
        return hub.database().read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
