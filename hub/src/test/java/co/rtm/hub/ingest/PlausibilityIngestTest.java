package co.rtm.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.LedgerVerifier;
import co.rtm.hub.plausibility.SeriesText;
import co.rtm.hub.registry.CenterKind;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed inspections through ingestion, each plausibility refusal answered with its own REJECTED reason, stored with
 * its detail, and given no number; the accepted ones keep a gapless FUR series. The example document is tested at
 * 2026-11-20 10:15 Bogotá on cda-light (inspection minimum 600 s, brakes and gas 5 s).
 */
class PlausibilityIngestTest {
    private static final Scorer SCORER = Scorer.builtIn();
    private static final OffsetDateTime TESTED = OffsetDateTime.parse("2026-11-20T10:15:00-05:00");

    @TempDir
    Path dir;
    Database db;
    Ingestor ingestor;
    final SigningKey hubKey = Ed25519Keys.generate("hub#1");
    final Map<String, SigningKey> keys = Map.of("lane-1", Ed25519Keys.generate("lane-1#1"),
            "lane-2", Ed25519Keys.generate("lane-2#1"));
    final List<byte[]> sent = new CopyOnWriteArrayList<>();
    final Map<String, Long> seqs = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        db = Database.openDefault(dir);
        Clock clock = Clock.systemUTC();
        Registry registry = new Registry(db, clock, 1_000);
        registry.createCenter("CDA-1", CenterKind.CDA, "CDA uno", "F001");
        registry.createCenter("CDA-2", CenterKind.CDA, "CDA dos", "F002");
        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        registry.createStation("lane-2", "CDA-2", "cda-light@1");
        keys.forEach((station, key) -> registry.addKey(station, key.verificationKey().toBase64Url()));
        ingestor = new Ingestor(db, new Ledger(db, clock), new CachedStationDirectory(registry, clock, Duration.ofMinutes(1)),
                SCORER, hubKey, (topic, corr, ack) -> sent.add(ack), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static ObjectNode input(String plate) throws Exception {
        ObjectNode input = (ObjectNode) new ObjectMapper().readTree(Files.readString(Path.of("../docs/examples/inspection-light-gasoline.json")));
        ((ObjectNode) input.get("vehicle")).put("plate", plate);
        return input;
    }

    private InboundMessage inspection(String station, JsonNode input, OffsetDateTime startedAt, JsonNode evidence) {
        String center = station.equals("lane-1") ? "CDA-1" : "CDA-2";
        long seq = seqs.merge(station, 1L, Long::sum);
        ScoreResult score = SCORER.score(new ScoringInputReader(SCORER.rules().catalogue()::contains).read(input, "input"),
                Profiles.builtIn("cda-light").orElseThrow());
        MessageHeader h = new MessageHeader(UUID.randomUUID(), center, station, seq, "boot-1", TESTED.plusMinutes(5));
        InspectionMessage m = InspectionMessage.of(h, "cda-light@1", startedAt, List.of("CC-1010"), null, input, score, evidence);
        return new InboundMessage("runt/v1/" + center + "/" + station + "/inspection",
                Envelope.sign(Json.write(m), InspectionMessage.TYPE, keys.get(station)), Optional.empty(), Optional.empty(), false);
    }

    /** The brake and gas series of one vehicle, as its lane's instruments read them. */
    private static SeriesText series(double base, String gasDue) {
        return new SeriesText().identity("brakes", 2, "Sim FR-3000 BR1").readings("brakes", 40, 16_000, base)
                .identity("gas", 2, "Sim AG-500 GA1").readings("gas", 30, 16_500, base / 10)
                .instrument("brakes", "BR1", "2027-08-02").instrument("gas", "GA1", gasDue);
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

    private List<InboundMessage> day() throws Exception {
        return List.of(
                // 1: no evidence, exactly the 600 s minimum
                inspection("lane-1", input("AAA111"), TESTED.minusSeconds(600), null),
                // 2: no evidence, one second short
                inspection("lane-1", input("AAA112"), TESTED.minusSeconds(599), null),
                // 3: same plate as 1 on another centre's lane, at the same times
                inspection("lane-2", input("AAA111"), TESTED.minusMinutes(10), null),
                // 4: an instrumented lane: the desk's start 10 min before the instruments, series attached
                inspection("lane-2", input("BBB222"), TESTED.minusMinutes(10), series(100, "2027-08-02").evidence()),
                // 5: the same brake series for another plate
                inspection("lane-1", input("CCC333"), TESTED.minusMinutes(10), series(100, "2027-08-02").evidence()),
                // 6: gas analyser due the day before the inspection
                inspection("lane-1", input("DDD444"), TESTED.minusMinutes(10), series(200, "2026-11-19").evidence()),
                // 7: brakes cut to 4 s
                inspection("lane-1", input("EEE555"), TESTED.minusMinutes(10), new SeriesText()
                        .readings("brakes", 40, 4_000, 300).readings("gas", 30, 16_500, 10).evidence()),
                // 8: the gas analyser due that very day, another vehicle's series
                inspection("lane-1", input("FFF666"), TESTED.minusMinutes(10), series(400, "2026-11-20").evidence()));
    }

    private void assertEachRefusedWithItsReason() throws Exception {
        List<Ack> acks = acks();
        assertThat(acks).extracting(Ack::status).containsExactly(AckStatus.ACCEPTED, AckStatus.REJECTED,
                AckStatus.REJECTED, AckStatus.ACCEPTED, AckStatus.REJECTED, AckStatus.REJECTED, AckStatus.REJECTED,
                AckStatus.ACCEPTED);
        assertThat(acks).extracting(Ack::reason).containsExactly(null, RejectReason.TOO_SHORT_INSPECTION,
                RejectReason.PLATE_OVERLAP, null, RejectReason.SERIES_REUSED, RejectReason.CALIBRATION_EXPIRED,
                RejectReason.TOO_SHORT_TEST, null);
        assertThat(acks).extracting(Ack::furNumber).containsExactly(1L, null, null, 1L, null, null, null, 2L);
        assertThat(count("SELECT COUNT(*) FROM refusals WHERE reason_code IN ('TOO_SHORT_INSPECTION', 'PLATE_OVERLAP',"
                + " 'SERIES_REUSED', 'CALIBRATION_EXPIRED', 'TOO_SHORT_TEST') AND detail IS NOT NULL AND raw IS NOT NULL"))
                .isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM result_series")).isEqualTo(4);
        assertThat(new LedgerVerifier(db).verify().report().ok()).isTrue();
    }

    @Test
    void oneMessageAtATime() throws Exception {
        for (InboundMessage m : day()) {
            ingestor.handle(m);
        }
        assertEachRefusedWithItsReason();
    }

    @Test
    void allInOneGroupCommit() throws Exception {
        ingestor.commit(day().stream().map(ingestor::prepare).toList());
        assertEachRefusedWithItsReason();
    }

    @Test
    void aResentInspectionIsADuplicateNotAReusedSeries() throws Exception {
        InboundMessage m = inspection("lane-2", input("BBB222"), TESTED.minusMinutes(10), series(100, "2027-08-02").evidence());
        ingestor.handle(m);
        ingestor.handle(m);
        assertThat(acks()).extracting(Ack::status).containsExactly(AckStatus.ACCEPTED, AckStatus.DUPLICATE);
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
