package co.rtm.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.scoring.Scorer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingestor without a broker: messages handed in directly, acks captured. */
class IngestorTest {
    private record Sent(String topic, byte[] correlation, byte[] ack) {
    }

    @TempDir
    Path dir;
    Database db;
    Registry registry;
    Ingestor ingestor;
    final SigningKey hubKey = Ed25519Keys.generate("hub#1");
    final List<Sent> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        db = Database.openDefault(dir);
        Clock clock = Clock.systemUTC();
        registry = new Registry(db, clock, 1_000);
        ingestor = new Ingestor(db, new Ledger(db, clock), new CachedStationDirectory(registry, clock, Duration.ofMinutes(1)),
                Scorer.builtIn(), hubKey, (topic, corr, ack) -> sent.add(new Sent(topic, corr, ack)), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static byte[] event(UUID id, String center, String station) {
        return ("{\"messageId\":\"" + id + "\",\"centerId\":\"" + center + "\",\"stationId\":\"" + station
                + "\",\"seq\":1,\"bootId\":\"b\",\"createdAt\":\"2026-11-20T10:00:00-05:00\",\"type\":\"BOOT\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void handle(String topic, byte[] payload, String responseTopic) {
        ingestor.handle(new InboundMessage(topic, payload, Optional.ofNullable(responseTopic),
                Optional.of("corr".getBytes(StandardCharsets.US_ASCII)), false));
    }

    private Ack lastAck() throws Exception {
        Envelope e = Envelope.parse(sent.get(sent.size() - 1).ack());
        assertThat(e.verify(hubKey.verificationKey())).isTrue();
        return Json.read(e.payload(), Ack.class);
    }

    @Test
    void anUnknownStationIsRefusedStoredAndAnswered() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] envelope = Envelope.sign(event(id, "CDA-X", "ghost"), "event", Ed25519Keys.generate("ghost#1"));

        handle("runt/v1/CDA-X/ghost/event", envelope, null);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).topic()).isEqualTo("runt/v1/CDA-X/ghost/ack");
        assertThat(sent.get(0).correlation()).isEqualTo("corr".getBytes(StandardCharsets.US_ASCII));
        Ack ack = lastAck();
        assertThat(ack.status()).isEqualTo(AckStatus.REJECTED);
        assertThat(ack.reason()).isEqualTo(RejectReason.UNKNOWN_STATION);
        assertThat(ack.messageId()).isEqualTo(id);
        assertThat(count("SELECT COUNT(*) FROM refusals WHERE reason_code = 'UNKNOWN_STATION' AND station_id = 'ghost'"))
                .isEqualTo(1);
        assertThat(ingestor.counts().refused("UNKNOWN_STATION")).isEqualTo(1);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndAForeignResponseTopicIsNotUsed() throws Exception {
        registry.createCenter("CDA-1", CenterKind.CDA, "CDA-1", "CDA-1");
        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        SigningKey key = Ed25519Keys.generate("lane-1#1");
        registry.addKey("lane-1", key.verificationKey().toBase64Url());
        UUID first = UUID.randomUUID();
        handle("runt/v1/CDA-1/lane-1/event", Envelope.sign(event(first, "CDA-1", "lane-1"), "event", key),
                "runt/v1/CDA-1/lane-2/ack");
        assertThat(lastAck().status()).isEqualTo(AckStatus.ACCEPTED);
        assertThat(sent.get(0).topic()).isEqualTo("runt/v1/CDA-1/lane-1/ack");

        registry.revoke("lane-1", 1);
        UUID second = UUID.randomUUID();
        handle("runt/v1/CDA-1/lane-1/event", Envelope.sign(event(second, "CDA-1", "lane-1"), "event", key), null);
        assertThat(lastAck().reason()).isEqualTo(RejectReason.KEY_REVOKED);
    }

    @Test
    void garbageIsStoredButNotAnswered() {
        handle("runt/v1/CDA-1/lane-1/inspection", "garbage".getBytes(StandardCharsets.UTF_8), null);
        handle("runt/v1/CDA-1/lane-1/bogus", "x".getBytes(StandardCharsets.UTF_8), null);
        handle("runt/v1/CDA-1/lane-1/status", "offline".getBytes(StandardCharsets.UTF_8), null);

        assertThat(sent).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM refusals")).isEqualTo(2);
        assertThat(ingestor.presence().of("lane-1").orElseThrow().online()).isFalse();
    }

    private long count(String sql) {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
