package co.rtm.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.LedgerVerifier;
import co.rtm.hub.registry.CenterKind;
import co.rtm.profiles.person.DocumentId;
import co.rtm.hub.registry.People;
import co.rtm.hub.registry.PersonRole;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.scoring.Verdict;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.LoginEvents;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Signed login/logout events and signed inspections through ingestion at a centre with a registered inspector: a
 * rejected vehicle, its free retest (own FUR, linked), a second retest, a retest without the failed gas test, and
 * an inspection after the inspector logged out, each answered with the reason the agent is told.
 */
class PeopleRetestsIngestTest {
    private static final Scorer SCORER = Scorer.builtIn();
    private static final String INSPECTOR = "CC-79123456";

    @TempDir
    Path dir;
    Database db;
    Ingestor ingestor;
    final SigningKey hubKey = Ed25519Keys.generate("hub#1");
    final SigningKey laneKey = Ed25519Keys.generate("lane-1#1");
    final List<byte[]> sent = new CopyOnWriteArrayList<>();
    long seq;

    @BeforeEach
    void setUp() {
        db = Database.openDefault(dir);
        Clock clock = Clock.systemUTC();
        Registry registry = new Registry(db, clock, 1_000);
        registry.createCenter("CDA-1", CenterKind.CDA, "CDA uno", "F001");
        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        registry.addKey("lane-1", laneKey.verificationKey().toBase64Url());
        new People(db, clock).register("CDA-1", DocumentId.parse(INSPECTOR), "Ana Pérez", PersonRole.INSPECTOR);
        ingestor = new Ingestor(db, new Ledger(db, clock), new CachedStationDirectory(registry, clock, Duration.ofMinutes(1)),
                SCORER, hubKey, (topic, corr, ack) -> sent.add(ack), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private MessageHeader header(String bogotaLocal) {
        return new MessageHeader(UUID.randomUUID(), "CDA-1", "lane-1", ++seq, "boot-1",
                OffsetDateTime.parse(bogotaLocal + "-05:00"));
    }

    private InboundMessage event(StationEvent e) {
        return new InboundMessage("runt/v1/CDA-1/lane-1/event", Envelope.sign(Json.write(e), "event", laneKey),
                Optional.empty(), Optional.empty(), false);
    }

    private InboundMessage inspection(String startedBogota, String retestOfFur, JsonNode input) {
        ScoreResult score = SCORER.score(new ScoringInputReader(SCORER.rules().catalogue()::contains).read(input, "input"),
                Profiles.builtIn("cda-light").orElseThrow());
        InspectionMessage m = InspectionMessage.of(header(startedBogota), "cda-light@1",
                OffsetDateTime.parse(startedBogota + "-05:00"), List.of(INSPECTOR), retestOfFur, input, score);
        return new InboundMessage("runt/v1/CDA-1/lane-1/inspection", Envelope.sign(Json.write(m), InspectionMessage.TYPE, laneKey),
                Optional.empty(), Optional.empty(), false);
    }

    /** The example document tested at {@code bogotaLocal}: APPROVED. */
    private static ObjectNode approved(String bogotaLocal) throws Exception {
        ObjectNode input = (ObjectNode) new ObjectMapper().readTree(
                Files.readString(Path.of("../docs/examples/inspection-light-gasoline.json")));
        input.put("testedAt", bogotaLocal + "-05:00");
        return input;
    }

    /** Worn tyres and a dirty engine: REJECTED on the tyres and gas tests. */
    private static ObjectNode rejected(String bogotaLocal) throws Exception {
        ObjectNode input = approved(bogotaLocal);
        ObjectNode m = (ObjectNode) input.get("measurements");
        ArrayNode tread = ((ObjectNode) m.get("tyres")).putArray("treadDepthsMm");
        List.of(0.5, 0.6, 0.5, 0.7).forEach(tread::add);
        ((ObjectNode) m.get("gas").get("idle")).put("coPct", 6.0);
        return input;
    }

    @Test
    void loginsGateInspectionsAndARejectedVehicleHasOneFreeRetest() throws Exception {
        ObjectNode withoutGas = approved("2026-11-05T10:16:00"); // cda-light: at least 600 s from start
        ((ObjectNode) withoutGas.get("measurements")).remove("gas");
        assertThat(SCORER.score(new ScoringInputReader(SCORER.rules().catalogue()::contains).read(withoutGas, "input"),
                Profiles.builtIn("cda-light").orElseThrow()).verdict()).isEqualTo(Verdict.INCOMPLETE);
        List<InboundMessage> day = List.of(
                inspection("2026-11-02T08:00:00", null, approved("2026-11-02T08:10:00")),   // nobody logged in yet
                event(LoginEvents.login(header("2026-11-02T08:59:00"), INSPECTOR)),
                inspection("2026-11-02T09:00:00", null, rejected("2026-11-02T09:10:00")),   // FUR 1, rejected
                event(LoginEvents.login(header("2026-11-05T10:00:00"), INSPECTOR)),
                inspection("2026-11-05T10:05:00", "1", withoutGas),                        // lacks the failed gas test
                inspection("2026-11-05T10:20:00", "1", approved("2026-11-05T10:30:00")),    // the retest: FUR 2
                inspection("2026-11-05T10:40:00", "1", approved("2026-11-05T10:50:00")),    // a second one
                inspection("2026-11-05T10:49:00", "FUR-1", approved("2026-11-05T10:59:30")),
                event(LoginEvents.logout(header("2026-11-05T11:00:00"), INSPECTOR)),
                inspection("2026-11-05T11:00:00", null, approved("2026-11-05T11:10:00")),   // logged out
                event(StationEvent.of(header("2026-11-05T11:30:00"), EventType.LOGIN, Map.of("finger", "right-index"))));
        day.forEach(ingestor::handle);

        List<Ack> acks = acks();
        assertThat(acks).extracting(Ack::status).containsExactly(AckStatus.REJECTED, AckStatus.ACCEPTED,
                AckStatus.ACCEPTED, AckStatus.ACCEPTED, AckStatus.REJECTED, AckStatus.ACCEPTED, AckStatus.REJECTED,
                AckStatus.REJECTED, AckStatus.ACCEPTED, AckStatus.REJECTED, AckStatus.REJECTED);
        assertThat(acks).extracting(Ack::reason).containsExactly(RejectReason.NO_INSPECTOR_LOGGED_IN, null, null, null,
                RejectReason.RETEST_INCOMPLETE, null, RejectReason.RETEST_ALREADY_USED, RejectReason.MALFORMED_PAYLOAD,
                null, RejectReason.NO_INSPECTOR_LOGGED_IN, RejectReason.MALFORMED_PAYLOAD);
        assertThat(acks).extracting(Ack::furNumber).containsExactly(null, null, 1L, null, null, 2L, null, null, null,
                null, null);
        assertThat(count("SELECT COUNT(*) FROM results WHERE fur_number = 2 AND retest = TRUE AND retest_of_fur = 1")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM lane_logins WHERE document_type = 'CC' AND document_number = '79123456'"))
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM refusals WHERE detail LIKE '%lacks the gas test%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM refusals WHERE detail LIKE 'retestOfFur:%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM refusals WHERE detail LIKE 'detail.document: required on a LOGIN event%'"))
                .isEqualTo(1);
        assertThat(new LedgerVerifier(db).verify().report().ok()).isTrue();
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

    private long count(String sql) {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
