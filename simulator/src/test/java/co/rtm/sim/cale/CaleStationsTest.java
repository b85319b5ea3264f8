package co.rtm.sim.cale;

import co.rtm.agent.exam.CandidateIdentifier;
import co.rtm.agent.exam.OutboxExamPublisher;
import co.rtm.agent.exam.PracticalExamStation;
import co.rtm.agent.exam.TerminalServer;
import co.rtm.agent.exam.TheoryExamStation;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.outbox.OutboxMessage;
import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.practical.FaultCatalogue;
import co.rtm.profiles.exam.review.ExamReview;
import co.rtm.profiles.exam.review.ExamReviewer;
import co.rtm.profiles.exam.theory.QuestionBank;
import co.rtm.profiles.exam.theory.QuestionGroup;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationEvent;
import co.rtm.sim.identity.SyntheticRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CALE stations end to end: a real SQLite replica of synthetic persons (real SourceAFIS templates), the agent's
 * theory room and practical station behind its TCP terminal server, the simulator's terminal speaking the line
 * protocol, and the real outbox holding signed messages.
 */
class CaleStationsTest {

    static final String CENTER = "CALE-IBG";
    static final long ENROLLED = 6;
    /** Person 3 is also enrolled under a second document. */
    static final long TWICE = 3;
    /** Person 9 is not in the replica. */
    static final long STRANGER = 9;

    @TempDir
    static Path dir;
    static CivilRegistryReplica replica;
    static Outbox theoryOutbox;
    static Outbox practicalOutbox;
    static SigningKey theoryKey = Ed25519Keys.generate("T1#1");
    static SigningKey practicalKey = Ed25519Keys.generate("P1#1");
    static TheoryExamStation room;
    static TerminalServer theoryServer;
    static TerminalServer practicalServer;
    static final QuestionBank BANK = QuestionBank.synthetic();

    @BeforeAll
    static void start() throws Exception {
        replica = CivilRegistryReplica.open(dir.resolve("registry.db"));
        List<SyntheticCandidate> population = new ArrayList<>();
        for (long p = 1; p <= ENROLLED; p++) {
            population.add(new SyntheticCandidate(SyntheticRegistry.document(p), co.rtm.profiles.exam.LicenceCategory.B1, p, 1.0,
                    p == TWICE ? SyntheticCandidate.Kind.ENROLLED_TWICE : SyntheticCandidate.Kind.GENUINE));
        }
        SyntheticCandidates.enrol(replica, population);
        theoryOutbox = Outbox.open(dir.resolve("theory"), OutboxConfig.defaults());
        practicalOutbox = Outbox.open(dir.resolve("practical"), OutboxConfig.defaults());
        OutboxExamPublisher theoryPub = new OutboxExamPublisher(theoryOutbox, CENTER, "T1", theoryKey, () -> { });
        OutboxExamPublisher practicalPub = new OutboxExamPublisher(practicalOutbox, CENTER, "P1", practicalKey, () -> { });
        room = new TheoryExamStation(Profiles.builtIn("cale-theory").orElseThrow(), BANK,
                TheoryDrawer.newSeed(new SecureRandom()), new CandidateIdentifier(replica, theoryPub, Clock.systemUTC()),
                theoryPub, Clock.systemUTC());
        theoryServer = new TerminalServer(0, Duration.ofMinutes(60), t -> room.sit(t, t));
        PracticalExamStation practical = new PracticalExamStation(Profiles.builtIn("cale-practical").orElseThrow(),
                FaultCatalogue.builtIn(), new CandidateIdentifier(replica, practicalPub, Clock.systemUTC()), practicalPub,
                Clock.systemUTC());
        practicalServer = new TerminalServer(0, Duration.ofMinutes(60), t -> practical.examine(t, t));
    }

    @AfterAll
    static void stop() {
        theoryServer.close();
        practicalServer.close();
        theoryOutbox.close();
        practicalOutbox.close();
        replica.close();
    }

    static IntFunction<CaleTerminalClient.Finger> fingerOf(long person, int base) {
        return k -> CaleScenario.finger(person, base + k);
    }

    static TerminalReply sit(DocumentId doc, long fingerPerson, int base, CaleTerminalClient.Answerer answerer) throws Exception {
        return CaleTerminalClient.theory("127.0.0.1", theoryServer.port(), doc.text() + " B1 T-" + UUID.randomUUID(),
                fingerOf(fingerPerson, base), answerer, 0);
    }

    static List<ExamMessage> exams(Outbox outbox, SigningKey key) throws Exception {
        List<ExamMessage> out = new ArrayList<>();
        for (OutboxMessage m : outbox.nextToSend(1000)) {
            if (m.type().equals(ExamMessage.TYPE)) {
                Envelope e = Envelope.parse(m.payload());
                assertThat(e.verify(key.verificationKey())).isTrue();
                out.add(Json.read(e.payload(), ExamMessage.class));
            }
        }
        return out;
    }

    static List<StationEvent> events(Outbox outbox, SigningKey key) throws Exception {
        List<StationEvent> out = new ArrayList<>();
        for (OutboxMessage m : outbox.nextToSend(1000)) {
            if (m.type().equals("event")) {
                Envelope e = Envelope.parse(m.payload());
                assertThat(e.verify(key.verificationKey())).isTrue();
                out.add(Json.read(e.payload(), StationEvent.class));
            }
        }
        return out;
    }

    static ExamMessage examOf(Outbox outbox, SigningKey key, DocumentId doc) throws Exception {
        List<ExamMessage> mine = exams(outbox, key).stream().filter(m -> m.candidate().equals(doc)).toList();
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    @Test
    void genuineCandidatePassesIdentificationAndTheSignedMessageRoundTripsAndReviews() throws Exception {
        DocumentId doc = SyntheticRegistry.document(1);
        TerminalReply reply = sit(doc, 1, 10, Answerers.firstRight(BANK, 30));
        assertThat(reply.end()).isEqualTo(TerminalReply.End.RESULT);
        assertThat(reply.verdict()).isEqualTo("APPROVED");
        assertThat(reply.score()).isEqualTo(30);
        ExamMessage m = examOf(theoryOutbox, theoryKey, doc);
        assertThat(m.theory().questions()).extracting(q -> q.id()).isEqualTo(reply.questionIds());
        assertThat(m.identification().templateHash()).isNotEqualTo(m.closingIdentification().templateHash());
        ExamReview review = ExamReviewer.builtIn().review(m);
        assertThat(review.problems()).isEmpty();
        assertThat(review.claimFollows()).isTrue();
        // a tampered claim no longer follows
        ExamMessage forged = Json.read(new String(Json.write(m)).replace("\"verdict\":\"APPROVED\"", "\"verdict\":\"NOT_APPROVED\"")
                .getBytes(), ExamMessage.class);
        assertThat(ExamReviewer.builtIn().review(forged).claimFollows()).isFalse();
    }

    @Test
    void impostorNotInTheReplicaIsRefusedAndNothingIsStored() throws Exception {
        DocumentId victim = SyntheticRegistry.document(2);
        TerminalReply reply = sit(victim, STRANGER, 10, Answerers.firstRight(BANK, 30));
        assertThat(reply.end()).isEqualTo(TerminalReply.End.REFUSED);
        assertThat(reply.refusals()).containsExactly("NO_MATCH");
        assertThat(reply.questionIds()).isEmpty();
        assertThat(exams(theoryOutbox, theoryKey)).noneMatch(m -> m.candidate().equals(victim));
    }

    @Test
    void impostorEnrolledUnderTheirOwnDocumentSendsImpersonation() throws Exception {
        DocumentId victim = SyntheticRegistry.document(5);
        TerminalReply reply = sit(victim, 4, 10, Answerers.firstRight(BANK, 30));
        assertThat(reply.refusals()).containsExactly("IMPERSONATION");
        assertThat(events(theoryOutbox, theoryKey)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.IMPERSONATION);
            assertThat(e.detail().get("presentedDocument")).isEqualTo(victim.text());
            assertThat(e.detail().get("enrolledDocument")).isEqualTo(SyntheticRegistry.document(4).text());
            assertThat(((Number) e.detail().get("score")).doubleValue()).isGreaterThanOrEqualTo(replica.threshold());
        });
        assertThat(exams(theoryOutbox, theoryKey)).noneMatch(m -> m.candidate().equals(victim));
    }

    @Test
    void personEnrolledTwiceIsRefusedWithImpersonation() throws Exception {
        DocumentId doc = SyntheticRegistry.document(TWICE);
        TerminalReply reply = sit(doc, TWICE, 10, Answerers.firstRight(BANK, 30));
        assertThat(reply.refusals()).containsExactly("IMPERSONATION");
        assertThat(events(theoryOutbox, theoryKey)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.IMPERSONATION);
            assertThat(e.detail().get("presentedDocument")).isEqualTo(doc.text());
            assertThat(e.detail().get("enrolledDocument")).isEqualTo(SyntheticCandidates.secondDocument(TWICE).text());
        });
    }

    @Test
    void twentyThreeFailsWithGroupsAndTwentyFourPasses() throws Exception {
        DocumentId failing = SyntheticRegistry.document(2);
        DocumentId passing = SyntheticRegistry.document(6);
        TerminalReply f = sit(failing, 2, 40, Answerers.firstRight(BANK, 23));
        TerminalReply p = sit(passing, 6, 40, Answerers.firstRight(BANK, 24));
        assertThat(f.verdict()).isEqualTo("NOT_APPROVED");
        assertThat(f.score()).isEqualTo(23);
        assertThat(p.verdict()).isEqualTo("APPROVED");
        assertThat(p.score()).isEqualTo(24);
        ExamMessage fm = examOf(theoryOutbox, theoryKey, failing);
        ExamMessage pm = examOf(theoryOutbox, theoryKey, passing);
        assertThat(fm.claim().verdict()).isEqualTo(ExamVerdict.NOT_APPROVED);
        assertThat(pm.claim().verdict()).isEqualTo(ExamVerdict.APPROVED);
        // the 7 wrong answers are the last 7 shown: their groups, counted per group, are the failed groups
        List<QuestionGroup> expectedFailed = failedGroups(fm, 23);
        assertThat(fm.claim().failedGroups()).isNotEmpty().isEqualTo(expectedFailed);
        assertThat(f.failedGroups()).isEqualTo(String.join(",", expectedFailed.stream().map(Enum::name).toList()));
        assertThat(ExamReviewer.builtIn().review(fm).claimFollows()).isTrue();
        assertThat(ExamReviewer.builtIn().review(pm).claimFollows()).isTrue();
        // two candidates of one session never share an order
        assertThat(fm.theory().drawSeed()).isEqualTo(pm.theory().drawSeed());
        assertThat(fm.theory().seat()).isNotEqualTo(pm.theory().seat());
        assertThat(f.questionIds()).isNotEqualTo(p.questionIds());
    }

    /** Groups with a share of right answers below 24/30, given the first {@code right} shown were right. */
    static List<QuestionGroup> failedGroups(ExamMessage m, int right) {
        int[] asked = new int[4];
        int[] ok = new int[4];
        for (int i = 0; i < m.theory().questions().size(); i++) {
            int g = BANK.question(m.theory().questions().get(i).id()).orElseThrow().group().index();
            asked[g]++;
            if (i < right) {
                ok[g]++;
            }
        }
        List<QuestionGroup> out = new ArrayList<>();
        for (QuestionGroup g : QuestionGroup.values()) {
            if (ok[g.index()] * 30 < 24 * asked[g.index()]) {
                out.add(g);
            }
        }
        return out;
    }

    @Test
    void aSuspendedExamNeedsANewIdentificationAndRestartsOnANewSeat() throws Exception {
        DocumentId doc = SyntheticRegistry.document(5);
        String booking = doc.text() + " B1 T-susp";
        TerminalReply lost = CaleTerminalClient.theory("127.0.0.1", theoryServer.port(), booking, fingerOf(5, 70),
                Answerers.firstRight(BANK, 30), 7);
        assertThat(lost.end()).isEqualTo(TerminalReply.End.LEFT);
        awaitSuspended(doc);
        // the same capture again (replayed bytes) is not a new identification
        TerminalReply replay = CaleTerminalClient.theory("127.0.0.1", theoryServer.port(), booking, k -> CaleScenario.finger(5, 70),
                Answerers.firstRight(BANK, 30), 0);
        assertThat(replay.refusals()).containsExactly("NEW_IDENTIFICATION_REQUIRED");
        assertThat(room.isSuspended(doc)).isTrue();
        TerminalReply resumed = CaleTerminalClient.theory("127.0.0.1", theoryServer.port(), booking, fingerOf(5, 80),
                Answerers.firstRight(BANK, 30), 0);
        assertThat(resumed.end()).isEqualTo(TerminalReply.End.RESULT);
        assertThat(resumed.questionIds()).isNotEqualTo(lost.questionIds());
        assertThat(room.isSuspended(doc)).isFalse();
        ExamMessage m = examOf(theoryOutbox, theoryKey, doc);
        assertThat(m.theory().questions()).extracting(q -> q.id()).isEqualTo(resumed.questionIds());
        assertThat(ExamReviewer.builtIn().review(m).claimFollows()).isTrue();
    }

    static void awaitSuspended(DocumentId doc) throws InterruptedException {
        for (int i = 0; i < 100 && !room.isSuspended(doc); i++) {
            Thread.sleep(50);
        }
        assertThat(room.isSuspended(doc)).isTrue();
    }

    @Test
    void practicalRefusesTheExaminerAsReporterThenSignsTheResult() throws Exception {
        DocumentId doc = SyntheticRegistry.document(1);
        TerminalReply reply = CaleTerminalClient.practical("127.0.0.1", practicalServer.port(),
                doc.text() + " B1 P-1 " + CaleScenario.EXAMINER, fingerOf(1, 300),
                List.of("FAULT VP-05", "FAULT DE-03", "FAULT XX-99", "REPORT " + CaleScenario.EXAMINER, "REPORT " + CaleScenario.REPORTER));
        assertThat(reply.refusals()).containsExactly("UNKNOWN_FAULT", "REPORTER_IS_EXAMINER");
        assertThat(reply.end()).isEqualTo(TerminalReply.End.RESULT);
        assertThat(reply.verdict()).isEqualTo("APPROVED");
        assertThat(reply.score()).isEqualTo(100 - 5 - 3);
        ExamMessage m = examOf(practicalOutbox, practicalKey, doc);
        assertThat(m.practical().examiner().text()).isEqualTo(CaleScenario.EXAMINER);
        assertThat(m.practical().reporter().text()).isEqualTo(CaleScenario.REPORTER);
        assertThat(m.practical().faults()).extracting(f -> f.code()).containsExactly("VP-05", "DE-03");
        assertThat(ExamReviewer.builtIn().review(m).claimFollows()).isTrue();
    }

    @Test
    void practicalImpostorIsRefusedAtTheStart() throws Exception {
        DocumentId victim = SyntheticRegistry.document(6);
        TerminalReply reply = CaleTerminalClient.practical("127.0.0.1", practicalServer.port(),
                victim.text() + " A1 P-2 " + CaleScenario.EXAMINER, fingerOf(STRANGER, 300), List.of("REPORT " + CaleScenario.REPORTER));
        assertThat(reply.refusals()).containsExactly("NO_MATCH");
        assertThat(exams(practicalOutbox, practicalKey)).noneMatch(m -> m.candidate().equals(victim));
    }
}
