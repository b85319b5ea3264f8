package co.rtm.hub.exam;

import co.rtm.hub.ingest.CachedStationDirectory;
import co.rtm.hub.ingest.Ingestor;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.Identification;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.exam.eligibility.Certificate;
import co.rtm.profiles.exam.eligibility.CertificateKind;
import co.rtm.profiles.exam.practical.FaultCatalogue;
import co.rtm.profiles.exam.review.ExamReviewer;
import co.rtm.profiles.exam.theory.AnsweredQuestion;
import co.rtm.profiles.exam.theory.DrawnQuestion;
import co.rtm.profiles.exam.theory.Question;
import co.rtm.profiles.exam.theory.QuestionBank;
import co.rtm.profiles.exam.theory.TheoryDraw;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.ExamClaim;
import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.ExamPractical;
import co.rtm.profiles.wire.ExamTheory;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two CALEs on one hub: CALE-1 with theory stations theory-1 and theory-2 and practical-1, CALE-2 with theory-9 and
 * practical-9; every station has a key. Builds signed exam messages whose claims are the honest re-score unless told
 * otherwise, and books the turns and records the certificates they need.
 */
final class ExamFixture {
    static final QuestionBank BANK = QuestionBank.synthetic();
    static final String SEED = "5f3a0c9e1b7d42a68e0f11c2d3b4a596";
    static final ExamReviewer REVIEWER = ExamReviewer.builtIn();
    static final DocumentId EXAMINER = DocumentId.parse("CC-1020304050");
    static final DocumentId REPORTER = DocumentId.parse("CE-E55501");

    final Database db;
    final Registry registry;
    final Bookings bookings;
    final CandidateCertificates certificates;
    final SigningKey hubKey = Ed25519Keys.generate("hub#1");
    final Map<String, SigningKey> keys = new HashMap<>();
    final Map<String, Long> seqs = new HashMap<>();
    final List<byte[]> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger seats = new AtomicInteger();
    final AtomicInteger turns = new AtomicInteger();
    final Ingestor ingestor;

    ExamFixture(Database db) {
        this.db = db;
        Clock clock = Clock.systemUTC();
        registry = new Registry(db, clock, 1_000);
        bookings = new Bookings(db, clock);
        certificates = new CandidateCertificates(db, clock);
        registry.createCenter("CALE-1", CenterKind.CALE, "CALE uno", null);
        registry.createCenter("CALE-2", CenterKind.CALE, "CALE dos", null);
        station("theory-1", "CALE-1", "cale-theory@1");
        station("theory-2", "CALE-1", "cale-theory@1");
        station("practical-1", "CALE-1", "cale-practical@1");
        station("theory-9", "CALE-2", "cale-theory@1");
        station("practical-9", "CALE-2", "cale-practical@1");
        ingestor = new Ingestor(db, new Ledger(db, clock), new CachedStationDirectory(registry, clock, Duration.ofMinutes(1)),
                co.rtm.profiles.scoring.Scorer.builtIn(), hubKey, (topic, corr, ack) -> sent.add(ack), clock);
    }

    void station(String id, String center, String profile) {
        registry.createStation(id, center, profile);
        SigningKey key = Ed25519Keys.generate(id + "#1");
        registry.addKey(id, key.verificationKey().toBase64Url());
        keys.put(id, key);
    }

    /** Valid CRC and CEA certificates for the candidate and category, issued on {@code issued}. */
    void certify(DocumentId who, LicenceCategory category, LocalDate issued) {
        certificates.record(new Certificate(CertificateKind.CRC, "CRC-" + who.number() + "-" + category + "-" + issued, who,
                category, issued, null), "test");
        certificates.record(new Certificate(CertificateKind.CEA, "CEA-" + who.number() + "-" + category + "-" + issued, who,
                category, issued, issued.plusYears(1)), "test");
    }

    /** A booked turn at the centre for this exam, starting when it starts. */
    String book(String center, DocumentId who, LicenceCategory category, ExamPart part, boolean freeRetake, OffsetDateTime start) {
        String turn = "T-" + turns.incrementAndGet();
        bookings.book(center, turn, who, category, part, Procedure.FIRST_ISSUE, freeRetake, start.toInstant(), "test");
        return turn;
    }

    static OffsetDateTime at(String bogota) {
        return OffsetDateTime.parse(bogota + "-05:00");
    }

    /** The replica reference every exam of the fixture was identified against, unless changed. */
    static final String REFERENCE = "f".repeat(64);
    /** How long before the turn the fixture's candidates arrive (the law asks at least 30 minutes). */
    static final int ARRIVAL_MINUTES_AHEAD = 40;

    private MessageHeader header(String station, String center, OffsetDateTime created) {
        long seq = seqs.merge(station, 1L, Long::sum);
        return new MessageHeader(UUID.randomUUID(), center, station, seq, "boot-1", created);
    }

    private static Identification id(char c, OffsetDateTime at) {
        return new Identification(String.valueOf(c).repeat(64), 91.0, "e".repeat(64), at, REFERENCE);
    }

    /** A theory exam of 45 minutes on a fresh seat with {@code wrong} wrong answers, claiming the honest re-score. */
    ExamMessage theory(String station, String center, DocumentId who, LicenceCategory category, String turn,
                       OffsetDateTime start, int wrong) {
        return theory(station, center, who, category, turn, start, wrong, seats.getAndIncrement(), null);
    }

    ExamMessage theory(String station, String center, DocumentId who, LicenceCategory category, String turn,
                       OffsetDateTime start, int wrong, int seat, ExamClaim forced) {
        TheoryDraw d = new TheoryDrawer(Profiles.builtIn("cale-theory").orElseThrow().theory(), BANK).draw(SEED, seat, category);
        List<AnsweredQuestion> answers = new ArrayList<>();
        for (DrawnQuestion q : d.questions()) {
            Question bq = BANK.question(q.id()).orElseThrow();
            String a = answers.size() < wrong
                    ? q.optionOrder().stream().filter(k -> !k.equals(bq.correct())).findFirst().orElseThrow() : bq.correct();
            answers.add(AnsweredQuestion.of(q, a));
        }
        ExamTheory t = new ExamTheory(BANK.ref(), SEED, seat, answers);
        OffsetDateTime end = start.plusMinutes(45);
        ExamMessage draft = ExamMessage.theory(header(station, center, end.plusMinutes(1)), "cale-theory@1", who, category,
                Procedure.FIRST_ISSUE, turn, start.minusMinutes(ARRIVAL_MINUTES_AHEAD), id('a', start.minusMinutes(3)), id('b', end), start, end, t,
                new ExamClaim(0, 30, ExamVerdict.NOT_APPROVED, List.of()));
        return withClaim(draft, forced == null ? REVIEWER.review(draft).recomputed() : forced);
    }

    /** A practical exam of 40 minutes with {@code faults} recorded (VP-09, 15 points each... as the catalogue says). */
    ExamMessage practical(String station, String center, DocumentId who, LicenceCategory category, String turn,
                          OffsetDateTime start, boolean pass) {
        List<co.rtm.profiles.exam.practical.RecordedFault> faults = pass ? List.of()
                : List.of(new co.rtm.profiles.exam.practical.RecordedFault("VP-09", start.plusMinutes(5)),
                new co.rtm.profiles.exam.practical.RecordedFault("VP-09", start.plusMinutes(10)),
                new co.rtm.profiles.exam.practical.RecordedFault("VP-09", start.plusMinutes(15)));
        OffsetDateTime end = start.plusMinutes(40);
        ExamMessage draft = ExamMessage.practical(header(station, center, end.plusMinutes(1)), "cale-practical@1", who, category,
                Procedure.FIRST_ISSUE, turn, start.minusMinutes(ARRIVAL_MINUTES_AHEAD), id('a', start.minusMinutes(3)), id('c', end), start, end,
                new ExamPractical(FaultCatalogue.builtIn().ref(), EXAMINER, REPORTER, faults),
                new ExamClaim(0, 100, ExamVerdict.NOT_APPROVED, List.of()));
        return withClaim(draft, REVIEWER.review(draft).recomputed());
    }

    static ExamMessage withClaim(ExamMessage m, ExamClaim claim) {
        return new ExamMessage(m.messageId(), m.centerId(), m.stationId(), m.seq(), m.bootId(), m.createdAt(), m.part(),
                m.profile(), m.candidate(), m.category(), m.procedure(), m.turnId(), m.cale(), m.arrivedAt(), m.identification(),
                m.closingIdentification(), m.startedAt(), m.closedAt(), m.theory(), m.practical(), claim);
    }

    /** The same exam with the candidate arriving at {@code arrivedAt}. */
    static ExamMessage withArrival(ExamMessage m, OffsetDateTime arrivedAt) {
        return new ExamMessage(m.messageId(), m.centerId(), m.stationId(), m.seq(), m.bootId(), m.createdAt(), m.part(),
                m.profile(), m.candidate(), m.category(), m.procedure(), m.turnId(), m.cale(), arrivedAt, m.identification(),
                m.closingIdentification(), m.startedAt(), m.closedAt(), m.theory(), m.practical(), m.claim());
    }

    /** The same exam identified (start and close) against another registry reference. */
    static ExamMessage withReference(ExamMessage m, String reference) {
        Identification a = m.identification(), c = m.closingIdentification();
        return new ExamMessage(m.messageId(), m.centerId(), m.stationId(), m.seq(), m.bootId(), m.createdAt(), m.part(),
                m.profile(), m.candidate(), m.category(), m.procedure(), m.turnId(), m.cale(), m.arrivedAt(),
                new Identification(a.templateHash(), a.matchScore(), a.photoHash(), a.at(), reference),
                new Identification(c.templateHash(), c.matchScore(), c.photoHash(), c.at(), reference),
                m.startedAt(), m.closedAt(), m.theory(), m.practical(), m.claim());
    }

    byte[] sign(ExamMessage m, SigningKey key) {
        return Envelope.sign(Json.write(m), ExamMessage.TYPE, key);
    }

    InboundMessage inbound(ExamMessage m) {
        return inbound(m, keys.get(m.stationId()));
    }

    InboundMessage inbound(ExamMessage m, SigningKey key) {
        return new InboundMessage("runt/v1/" + m.centerId() + "/" + m.stationId() + "/exam", sign(m, key),
                Optional.empty(), Optional.empty(), false);
    }

    /** Ingests the exam and returns the signed ack it got. */
    Ack send(ExamMessage m) throws Exception {
        return send(inbound(m));
    }

    Ack send(InboundMessage in) throws Exception {
        int before = sent.size();
        ingestor.handle(in);
        if (sent.size() != before + 1) {
            throw new AssertionError("expected one ack, got " + (sent.size() - before));
        }
        Envelope e = Envelope.parse(sent.get(before));
        if (!e.verify(hubKey.verificationKey())) {
            throw new AssertionError("ack not signed by the hub");
        }
        return Json.read(e.payload(), Ack.class);
    }
}
