package co.rtm.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.LedgerVerifier;
import co.rtm.hub.registry.CenterClass;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.SigningKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed inspections through ingestion at a centre with hours and a lane with a capacity: refused ones get a
 * REJECTED ack, no FUR and a stored refusal; the next accepted one takes the next FUR without a gap.
 */
class OperatingRulesIngestTest {
    private static final Scorer SCORER = Scorer.builtIn();

    @TempDir
    Path dir;
    Database db;
    Ingestor ingestor;
    final SigningKey hubKey = Ed25519Keys.generate("hub#1");
    final SigningKey laneKey = Ed25519Keys.generate("lane-1#1");
    final List<byte[]> sent = new CopyOnWriteArrayList<>();
    JsonNode input;
    ScoreResult score;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.openDefault(dir);
        Clock clock = Clock.systemUTC();
        Registry registry = new Registry(db, clock, 1_000);
        registry.createCenter("CDA-1", CenterKind.CDA, "CDA uno", "F001");
        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        registry.addKey("lane-1", laneKey.verificationKey().toBase64Url());
        registry.updateCenterRules("CDA-1", r -> r.withClass(CenterClass.B)
                .withHours(OpeningHours.parse("mon-fri 07:00-18:00; holidays closed")));
        registry.setCapacityPerHour("lane-1", 1);
        ingestor = new Ingestor(db, new Ledger(db, clock), new CachedStationDirectory(registry, clock, Duration.ofMinutes(1)),
                SCORER, hubKey, (topic, corr, ack) -> sent.add(ack), clock);
        input = new ObjectMapper().readTree(Files.readString(Path.of("../docs/examples/inspection-light-gasoline.json")));
        score = SCORER.score(new ScoringInputReader(SCORER.rules().catalogue()::contains).read(input, "input"),
                Profiles.builtIn("cda-light").orElseThrow());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private InboundMessage inspection(long seq, String startedBogota) {
        MessageHeader h = new MessageHeader(UUID.randomUUID(), "CDA-1", "lane-1", seq, "boot-1",
                OffsetDateTime.parse("2026-11-17T19:00:00-05:00"));
        InspectionMessage m = InspectionMessage.of(h, "cda-light@1", OffsetDateTime.parse(startedBogota + "-05:00"),
                List.of("CC-1010"), null, input, score);
        return new InboundMessage("runt/v1/CDA-1/lane-1/inspection", Envelope.sign(Json.write(m), InspectionMessage.TYPE, laneKey),
                Optional.empty(), Optional.empty(), false);
    }

    private List<InboundMessage> day() {
        return List.of(
                inspection(1, "2026-11-17T09:00:00"),
                inspection(2, "2026-11-17T06:30:00"),   // before opening
                inspection(3, "2026-11-17T09:30:00"),   // second in the 09:00 hour, capacity 1
                inspection(4, "2026-11-16T10:00:00"),   // a holiday
                inspection(5, "2026-11-17T10:00:00"));
    }

    private List<Ack> acks() throws Exception {
        List<Ack> acks = new ArrayList<>();
        for (byte[] raw : sent) {
            Envelope e = Envelope.parse(raw);
            assertThat(e.verify(hubKey.verificationKey())).isTrue();
            acks.add(Json.read(e.payload(), Ack.class));
        }
        return acks;
    }

    private void assertRefusedWithoutGaps() throws Exception {
        List<Ack> acks = acks();
        assertThat(acks).extracting(Ack::status).containsExactly(AckStatus.ACCEPTED, AckStatus.REJECTED,
                AckStatus.REJECTED, AckStatus.REJECTED, AckStatus.ACCEPTED);
        assertThat(acks).extracting(Ack::reason).containsExactly(null, RejectReason.OUTSIDE_OPERATING_HOURS,
                RejectReason.CAPACITY_EXCEEDED, RejectReason.OUTSIDE_OPERATING_HOURS, null);
        assertThat(acks).extracting(Ack::furNumber).containsExactly(1L, null, null, null, 2L);
        assertThat(count("SELECT COUNT(*) FROM results")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM refusals WHERE reason_code IN ('OUTSIDE_OPERATING_HOURS', 'CAPACITY_EXCEEDED')"
                + " AND detail IS NOT NULL AND raw IS NOT NULL")).isEqualTo(3);
        assertThat(new LedgerVerifier(db).verify().report().ok()).isTrue();
    }

    @Test
    void oneMessageAtATime() throws Exception {
        day().forEach(ingestor::handle);
        assertRefusedWithoutGaps();
    }

    @Test
    void allInOneGroupCommit() throws Exception {
        ingestor.commit(day().stream().map(ingestor::prepare).toList());
        assertRefusedWithoutGaps();
    }

    @Test
    void aMotocarroOnALightLaneOfAClassCCentreIsRefused() throws Exception {
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE centers SET center_class = 'C'")) {
                ps.executeUpdate();
            }
            return null;
        });
        // the light example as a motocarro, without the four-wheel brake readings it does not have
        ((ObjectNode) input.get("vehicle")).put("kind", "motocarro");
        ((ObjectNode) input.get("measurements")).remove(List.of("brakes", "suspension"));
        score = SCORER.score(new ScoringInputReader(SCORER.rules().catalogue()::contains).read(input, "input"),
                Profiles.builtIn("cda-light").orElseThrow());
        ingestor.handle(inspection(1, "2026-11-17T09:00:00"));
        assertThat(acks()).extracting(Ack::reason).containsExactly(RejectReason.VEHICLE_KIND_NOT_ALLOWED);
        assertThat(count("SELECT COUNT(*) FROM results")).isZero();
        assertThat(count("SELECT COUNT(*) FROM refusals WHERE detail LIKE 'a motocarro may not be inspected%'")).isEqualTo(1);
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
