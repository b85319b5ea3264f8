package co.rtm.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel preparation and group commit: nothing answered before it is stored, answers in arrival order. */
class IngestPipelineTest {
    @TempDir
    Path dir;
    Database db;
    IngestPipeline pipeline;
    final SigningKey hubKey = Ed25519Keys.generate("hub#1");
    final SigningKey stationKey = Ed25519Keys.generate("lane-1#1");
    final List<byte[]> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        db = Database.openDefault(dir);
        Clock clock = Clock.systemUTC();
        Registry registry = new Registry(db, clock, 1_000);
        registry.createCenter("CDA-1", CenterKind.CDA, "CDA-1", "CDA-1");
        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        registry.addKey("lane-1", stationKey.verificationKey().toBase64Url());
        Ingestor ingestor = new Ingestor(db, new Ledger(db, clock),
                new CachedStationDirectory(registry, clock, Duration.ofMinutes(1)), Scorer.builtIn(), hubKey,
                (topic, corr, ack) -> sent.add(ack), clock);
        pipeline = new IngestPipeline(ingestor, 2, 64, 1_000);
    }

    @AfterEach
    void tearDown() {
        pipeline.close();
        db.close();
    }

    private InboundMessage event(UUID id, long seq) {
        byte[] payload = ("{\"messageId\":\"" + id + "\",\"centerId\":\"CDA-1\",\"stationId\":\"lane-1\",\"seq\":" + seq
                + ",\"bootId\":\"b\",\"createdAt\":\"2026-11-20T10:00:00-05:00\",\"type\":\"BOOT\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new InboundMessage("runt/v1/CDA-1/lane-1/event", Envelope.sign(payload, "event", stationKey),
                Optional.empty(), Optional.empty(), false);
    }

    private Ack ack(byte[] raw) throws Exception {
        Envelope e = Envelope.parse(raw);
        assertThat(e.verify(hubKey.verificationKey())).isTrue();
        return Json.read(e.payload(), Ack.class);
    }

    @Test
    void everyMessageIsStoredOnceAndAnsweredOnceAResendAsDuplicate() throws Exception {
        List<UUID> ids = new ArrayList<>();
        List<UUID> resent = new ArrayList<>();
        List<CompletableFuture<?>> stages = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            stages.add(pipeline.handle(event(id, i + 1)).toCompletableFuture());
            if (i % 7 == 0) {
                resent.add(id);
                stages.add(pipeline.handle(event(id, i + 1)).toCompletableFuture()); // resent at once
            }
        }
        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'STATION_EVENT'")).isEqualTo(500);
        // a batch's acks are signed on several threads, so they may leave in any order: stations match by messageId
        List<UUID> accepted = new ArrayList<>();
        List<UUID> duplicates = new ArrayList<>();
        for (byte[] raw : sent) {
            Ack a = ack(raw);
            assertThat(a.status()).isIn(AckStatus.ACCEPTED, AckStatus.DUPLICATE);
            (a.status() == AckStatus.DUPLICATE ? duplicates : accepted).add(a.messageId());
        }
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(duplicates).containsExactlyInAnyOrderElementsOf(resent).hasSize(72);
    }

    @Test
    void aMessageThatCannotBeStoredFailsItsStageAndIsNotAnswered() {
        db.close();
        CompletableFuture<?> stage = pipeline.handle(event(UUID.randomUUID(), 1)).toCompletableFuture();
        assertThatThrownBy(() -> stage.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(RuntimeException.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void closeStoresAndAnswersWhatWasAlreadyTaken() throws Exception {
        List<CompletableFuture<?>> stages = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            stages.add(pipeline.handle(event(UUID.randomUUID(), i + 1)).toCompletableFuture());
        }

        pipeline.close();

        assertThat(stages).allSatisfy(stage -> assertThat(stage).isCompleted().isNotCompletedExceptionally());
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'STATION_EVENT'")).isEqualTo(300);
        assertThat(sent).hasSize(300);
    }

    @Test
    void afterCloseNothingIsTakenAndNothingIsAcknowledged() {
        pipeline.close();
        CompletableFuture<?> stage = pipeline.handle(event(UUID.randomUUID(), 1)).toCompletableFuture();
        assertThat(stage).isCompletedExceptionally();
    }

    private long count(String sql) throws Exception {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
