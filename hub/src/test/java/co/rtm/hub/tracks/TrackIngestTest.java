package co.rtm.hub.tracks;

import static co.rtm.hub.tracks.TrackFixtures.batch;
import static co.rtm.hub.tracks.TrackFixtures.drive;
import static co.rtm.hub.tracks.TrackFixtures.signed;
import static co.rtm.hub.tracks.TrackFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ingest.CachedStationDirectory;
import co.rtm.hub.ingest.Ingestor;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.TestDatabases;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.tracks.TrackBatch;
import co.rtm.profiles.tracks.TrackFix;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Track batches through the signed ingestion path into the fixes table, on SQLite and PostgreSQL. */
class TrackIngestTest {
    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    @TempDir
    Path dir;
    final SigningKey hubKey = Ed25519Keys.generate("hub#1");
    final List<byte[]> acks = new CopyOnWriteArrayList<>();

    private Ingestor ingestor(Database db, Registry registry) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new Ingestor(db, new Ledger(db, clock), new CachedStationDirectory(registry, clock, Duration.ZERO),
                Scorer.builtIn(), hubKey, (t, c, ack) -> acks.add(ack), clock, TrackLimits.defaults());
    }

    private Ack send(Ingestor ingestor, String station, byte[] envelope) throws Exception {
        int before = acks.size();
        ingestor.handle(new InboundMessage(topic(station), envelope, Optional.empty(), Optional.empty(), false));
        assertThat(acks).hasSize(before + 1);
        Envelope e = Envelope.parse(acks.get(acks.size() - 1));
        assertThat(e.verify(hubKey.verificationKey())).isTrue();
        return Json.read(e.payload(), Ack.class);
    }

    @ParameterizedTest
    @MethodSource("co.rtm.hub.store.TestDatabases#backends")
    void batchesAreStoredOnceLateOnesFillInAndEveryFilterIsCounted(String backend) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            Registry registry = new Registry(h.db(), Clock.systemUTC(), 1_000);
            SigningKey key = TrackFixtures.register(registry, "movil-1");
            Ingestor ingestor = ingestor(h.db(), registry);
            TrackReader reader = new TrackReader(h.db());
            Instant t0 = NOW.minusSeconds(3600);

            // newest first: the line was online for the second batch, the first was buffered offline
            TrackBatch newer = batch("movil-1", 2, drive(t0.plusSeconds(60), 30, 4.65));
            byte[] newerEnvelope = signed(newer, key);
            Ack ack = send(ingestor, "movil-1", newerEnvelope);
            assertThat(ack.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(ack.messageId()).isEqualTo(newer.messageId());

            TrackBatch late = batch("movil-1", 1, drive(t0, 30, 4.6));
            assertThat(send(ingestor, "movil-1", signed(late, key)).status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(reader.fixesBetween("movil-1", t0, t0.plusSeconds(89))).hasSize(60)
                    .extracting(TrackPoint::deviceTime).isSorted();

            // the same batch again: DUPLICATE, same acceptance time, nothing stored twice
            Ack again = send(ingestor, "movil-1", newerEnvelope);
            assertThat(again.status()).isEqualTo(AckStatus.DUPLICATE);
            assertThat(again.acceptedAt()).isEqualTo(ack.acceptedAt());
            assertThat(count(h.db(), "SELECT count(*) FROM track_fixes")).isEqualTo(60);
            assertThat(count(h.db(), "SELECT count(*) FROM track_batches")).isEqualTo(2);

            // a new batch mixing one of each filtered kind with one good fix
            Instant last = t0.plusSeconds(89);
            List<TrackFix> mixed = new ArrayList<>();
            mixed.add(new TrackFix(NOW.minus(Duration.ofDays(30)).minusSeconds(1), 4.6, -74.08, null, null, null, 1, 7, 1));
            mixed.add(new TrackFix(last, 4.7, -74.08, null, null, null, 1, 7, 1));                         // duplicate time
            mixed.add(new TrackFix(last.plusSeconds(1), 5.7, -74.08, null, null, null, 1, 7, 1));          // 110 km in 1 s
            mixed.add(new TrackFix(last.plusSeconds(2), 4.65 + 30 * 0.00009, -74.08, null, null, null, 1, 7, 1)); // good
            mixed.add(new TrackFix(NOW.plus(Duration.ofMinutes(2)).plusSeconds(1), 4.6, -74.08, null, null, null, 1, 7, 1));
            TrackBatch filtered = batch("movil-1", 3, mixed);
            assertThat(send(ingestor, "movil-1", signed(filtered, key)).status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(reader.batch(filtered.messageId())).contains(new FixCounts(5, 1, 1, 1, 1, 1));
            assertThat(reader.totals("movil-1")).isEqualTo(new FixCounts(65, 61, 1, 1, 1, 1));
            assertThat(reader.totals()).isEqualTo(reader.totals("movil-1"));

            // the read side the acceptance rules will use
            assertThat(reader.latestFixAt("movil-1", NOW)).map(TrackPoint::deviceTime).contains(last.plusSeconds(2));
            assertThat(reader.latestFixAt("movil-1", t0.plusSeconds(59).plusMillis(500)))
                    .map(TrackPoint::deviceTime).contains(t0.plusSeconds(29));
            assertThat(reader.latestFixAt("movil-1", t0.minusMillis(1))).isEmpty();
            assertThat(readReceivedAt(h.db(), t0)).isEqualTo(NOW.toString().replace("Z", ".000000Z"));
        }
    }

    @ParameterizedTest
    @MethodSource("co.rtm.hub.store.TestDatabases#backends")
    void replayedSeqForeignStationAndBadPayloadAreRefusedAndStored(String backend) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            Registry registry = new Registry(h.db(), Clock.systemUTC(), 1_000);
            SigningKey key = TrackFixtures.register(registry, "movil-1");
            SigningKey other = TrackFixtures.register(registry, "movil-2");
            Ingestor ingestor = ingestor(h.db(), registry);
            Instant t0 = NOW.minusSeconds(600);
            assertThat(send(ingestor, "movil-1", signed(batch("movil-1", 5, drive(t0, 3, 4.6)), key)).status())
                    .isEqualTo(AckStatus.ACCEPTED);

            Ack replay = send(ingestor, "movil-1", signed(batch("movil-1", 5, drive(t0.plusSeconds(10), 3, 4.6)), key));
            assertThat(replay.reason()).isEqualTo(RejectReason.REPLAYED_SEQ);

            // movil-2's key on movil-1's topic
            Ack foreign = send(ingestor, "movil-1", signed(batch("movil-1", 6, drive(t0.plusSeconds(20), 3, 4.6)), other));
            assertThat(foreign.reason()).isEqualTo(RejectReason.TOPIC_MISMATCH);

            String unordered = new String(Json.write(batch("movil-1", 7, drive(t0.plusSeconds(30), 2, 4.6))), StandardCharsets.UTF_8)
                    .replace(t0.plusSeconds(31).toString(), t0.plusSeconds(29).toString());
            Ack bad = send(ingestor, "movil-1", Envelope.sign(unordered.getBytes(StandardCharsets.UTF_8), "track", key));
            assertThat(bad.status()).isEqualTo(AckStatus.REJECTED);
            assertThat(bad.reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);

            assertThat(count(h.db(), "SELECT count(*) FROM track_fixes")).isEqualTo(3);
            assertThat(count(h.db(), "SELECT count(*) FROM refusals WHERE station_id = 'movil-1'")).isEqualTo(3);
            assertThat(count(h.db(), "SELECT count(*) FROM refusals WHERE detail LIKE '%strictly increasing%'")).isEqualTo(1);
        }
    }

    private static String readReceivedAt(Database db, Instant deviceTime) {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT received_at FROM track_fixes WHERE device_time = ?")) {
                ps.setString(1, co.rtm.hub.store.Timestamps.format(deviceTime));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private static long count(Database db, String sql) {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
