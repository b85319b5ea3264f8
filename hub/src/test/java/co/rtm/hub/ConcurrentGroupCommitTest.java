package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ingest.CachedStationDirectory;
import co.rtm.hub.ingest.Ingestor;
import co.rtm.hub.ingest.Prepared;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.TestDatabases;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.SigningKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §9: two hub instances on one PostgreSQL, each committing batches (group commit) of results of the same
 * centres in a different order. Every batch must commit first time: no deadlock, and FUR 1..N per centre.
 */
class ConcurrentGroupCommitTest {
    private static final int STATIONS = 4;
    private static final int BATCHES = 12;
    private static final int PER_BATCH = 8;

    @TempDir
    Path dir;

    @Test
    void twoInstancesCommitInterleavedBatchesWithoutDeadlockOrGap() throws Exception {
        long deadlocksBefore;
        try (TestDatabases.Handle pg = TestDatabases.open("postgresql", dir)) {
            // Database retries a deadlocked transaction, so the results alone cannot show one: PostgreSQL counts them
            deadlocksBefore = deadlocks();
            Clock clock = Clock.systemUTC();
            Registry registry = new Registry(pg.db(), clock, 1_000);
            List<SigningKey> keys = new ArrayList<>();
            for (int s = 0; s < STATIONS; s++) {
                String center = "CDA-GC-" + (s % 2);
                if (s < 2) {
                    registry.createCenter(center, CenterKind.CDA, center, center);
                }
                registry.createStation("gc-" + s, center, "cda-light@1");
                SigningKey key = Ed25519Keys.generate("gc-" + s + "#1");
                registry.addKey("gc-" + s, key.verificationKey().toBase64Url());
                keys.add(key);
            }
            Database other = pg.openAnother();
            try {
                Ingestor a = ingestor(pg.db(), registry, clock);
                Ingestor b = ingestor(other, new Registry(other, clock, 1_000), clock);
                ScoreResult ok = TestLane.score(TestLane.approvedInput());
                // every station's results, seq 1..n; instance a takes batches in station order, b in reverse order
                List<List<InboundMessage>> forA = new ArrayList<>();
                List<List<InboundMessage>> forB = new ArrayList<>();
                long seq = 1;
                for (int i = 0; i < BATCHES; i++, seq += PER_BATCH) {
                    forA.add(batch(keys, seq, ok, false));
                    forB.add(batch(keys, seq + (long) BATCHES * PER_BATCH, ok, true));
                }
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    Future<?> fa = pool.submit(commitAll(a, forA));
                    Future<?> fb = pool.submit(commitAll(b, forB));
                    fa.get();
                    fb.get();
                } finally {
                    pool.shutdownNow();
                }
            } finally {
                other.close();
            }
            long total = 2L * BATCHES * PER_BATCH;
            assertThat(count(pg.db(), "SELECT count(*) FROM results")).isEqualTo(total);
            for (String center : List.of("CDA-GC-0", "CDA-GC-1")) {
                assertThat(count(pg.db(), "SELECT max(fur_number) FROM results WHERE center_id = '" + center + "'"))
                        .isEqualTo(count(pg.db(), "SELECT count(DISTINCT fur_number) FROM results WHERE center_id = '" + center + "'"))
                        .isEqualTo(total / 2);
            }
        }
        Thread.sleep(1_500); // the closed pools' backends report their statistics as they exit
        assertThat(deadlocks() - deadlocksBefore).as("deadlocks detected by PostgreSQL during the run").isZero();
    }

    private static long deadlocks() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(System.getenv(TestDatabases.PG_ENV));
             ResultSet rs = c.createStatement().executeQuery("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Ingestor ingestor(Database db, Registry registry, Clock clock) {
        return new Ingestor(db, new Ledger(db, clock), new CachedStationDirectory(registry, clock, Duration.ofMinutes(1)),
                Scorer.builtIn(), Ed25519Keys.generate("hub#1"), (topic, corr, ack) -> { }, clock);
    }

    /** One batch: PER_BATCH results spread over the stations, in station order or reversed. */
    private static List<InboundMessage> batch(List<SigningKey> keys, long firstSeq, ScoreResult ok, boolean reversed) throws Exception {
        List<InboundMessage> out = new ArrayList<>();
        for (int i = 0; i < PER_BATCH; i++) {
            int s = i % STATIONS;
            String station = "gc-" + s;
            String center = "CDA-GC-" + (s % 2);
            long seq = firstSeq + i;
            ObjectNode input = TestLane.approvedInput();
            ((ObjectNode) input.get("vehicle")).put("plate", "GC" + s + "-" + seq);
            MessageHeader h = new MessageHeader(UUID.randomUUID(), center, station, seq, "boot-1",
                    OffsetDateTime.parse("2026-11-20T10:20:00-05:00"));
            InspectionMessage m = InspectionMessage.of(h, "cda-light@1", OffsetDateTime.parse("2026-11-20T10:05:00-05:00"),
                    List.of("CC-1010"), null, input, ok);
            byte[] envelope = Envelope.sign(Json.write(m), InspectionMessage.TYPE, keys.get(s));
            out.add(new InboundMessage("runt/v1/" + center + "/" + station + "/inspection", envelope, Optional.empty(),
                    Optional.empty(), false));
        }
        if (reversed) {
            Collections.reverse(out);
        }
        return out;
    }

    private static Callable<Void> commitAll(Ingestor ingestor, List<List<InboundMessage>> batches) {
        return () -> {
            for (List<InboundMessage> batch : batches) {
                List<Prepared> prepared = new ArrayList<>();
                for (InboundMessage m : batch) {
                    prepared.add(ingestor.prepare(m));
                }
                ingestor.commit(prepared); // a deadlock would throw here: the whole batch rolled back
            }
            return null;
        };
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
