package co.rtm.profiles.wire;

import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.Identification;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.exam.practical.FaultCatalogue;
import co.rtm.profiles.exam.practical.RecordedFault;
import co.rtm.profiles.exam.review.ExamReview;
import co.rtm.profiles.exam.review.ExamReviewer;
import co.rtm.profiles.exam.theory.AnsweredQuestion;
import co.rtm.profiles.exam.theory.DrawnQuestion;
import co.rtm.profiles.exam.theory.Question;
import co.rtm.profiles.exam.theory.QuestionBank;
import co.rtm.profiles.exam.theory.QuestionGroup;
import co.rtm.profiles.exam.theory.TheoryDraw;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.profile.Profiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExamMessageTest {
    private static final QuestionBank BANK = QuestionBank.synthetic();
    private static final String SEED = "5f3a0c9e1b7d42a68e0f11c2d3b4a596";
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-20T08:05:00-05:00");
    private static final DocumentId ANA = DocumentId.parse("CC-79123456");
    private static final ExamReviewer REVIEWER = ExamReviewer.builtIn();

    private static MessageHeader header(long seq) {
        return new MessageHeader(UUID.randomUUID(), "CALE-001", "theory-3", seq, "boot-1", START.plusMinutes(50));
    }

    private static Identification id(char c, OffsetDateTime at) {
        return new Identification(String.valueOf(c).repeat(64), 91.0, "e".repeat(64), at, "f".repeat(64));
    }

    /** A theory exam on seat 4 answered with {@code wrong} wrong answers (the first ones shown). */
    private static ExamTheory theory(int wrong) {
        TheoryDraw d = new TheoryDrawer(Profiles.builtIn("cale-theory").orElseThrow().theory(), BANK).draw(SEED, 4, LicenceCategory.B1);
        List<AnsweredQuestion> answers = new ArrayList<>();
        for (DrawnQuestion q : d.questions()) {
            Question bq = BANK.question(q.id()).orElseThrow();
            String a = answers.size() < wrong ? q.optionOrder().stream().filter(k -> !k.equals(bq.correct())).findFirst().orElseThrow() : bq.correct();
            answers.add(AnsweredQuestion.of(q, a));
        }
        return new ExamTheory(BANK.ref(), SEED, 4, answers);
    }

    private static ExamMessage theoryMessage(ExamTheory t, ExamClaim claim) {
        return ExamMessage.theory(header(12), "cale-theory@1", ANA, LicenceCategory.B1, Procedure.FIRST_ISSUE, "T-2026-000123", START.minusMinutes(40),
                id('a', START.minusMinutes(3)), id('b', START.plusMinutes(45)), START, START.plusMinutes(45), t, claim);
    }

    @Test
    void aSignedTheoryExamRoundTripsAndItsVerdictFollows() throws Exception {
        ExamTheory t = theory(0);
        ExamReview first = REVIEWER.review(theoryMessage(t, new ExamClaim(0, 30, ExamVerdict.NOT_APPROVED, List.of())));
        ExamMessage m = theoryMessage(t, first.recomputed());
        SigningKey key = Ed25519Keys.generate("theory-3#1");
        byte[] wire = Envelope.sign(Json.write(m), ExamMessage.TYPE, key);
        Envelope env = Envelope.parse(wire);
        assertThat(env.verify(key.verificationKey())).isTrue();
        assertThat(env.header().typ()).isEqualTo("exam");
        String json = new String(env.payload(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"messageId\":").contains("\"candidate\":{\"type\":\"CC\",\"number\":\"79123456\"}");
        ExamMessage back = Json.read(env.payload(), ExamMessage.class);
        assertThat(back).isEqualTo(m);
        assertThat(back.createdAt().getOffset().getId()).isEqualTo("-05:00");
        ExamReview review = REVIEWER.review(back);
        assertThat(review.problems()).isEmpty();
        assertThat(review.claimFollows()).isTrue();
        assertThat(review.recomputed().score()).isEqualTo(30);
    }

    @Test
    void aClaimedPassWith23CorrectDoesNotFollow() {
        ExamTheory t = theory(7);
        ExamReview r = REVIEWER.review(theoryMessage(t, new ExamClaim(23, 30, ExamVerdict.APPROVED, List.of())));
        assertThat(r.problems()).isEmpty();
        assertThat(r.claimFollows()).isFalse();
        assertThat(r.recomputed().verdict()).isEqualTo(ExamVerdict.NOT_APPROVED);
        assertThat(r.recomputed().score()).isEqualTo(23);
        ExamReview honest = REVIEWER.review(theoryMessage(t, r.recomputed()));
        assertThat(honest.claimFollows()).isTrue();
        assertThat(honest.recomputed().failedGroups()).isNotEmpty().isSubsetOf(List.of(QuestionGroup.values()));
    }

    @Test
    void anOrderThatIsNotTheSeedsDrawIsAProblem() {
        ExamTheory t = theory(0);
        List<AnsweredQuestion> swapped = new ArrayList<>(t.questions());
        java.util.Collections.swap(swapped, 0, 1);
        ExamTheory forged = new ExamTheory(t.bank(), t.drawSeed(), t.seat(), swapped);
        ExamReview r = REVIEWER.review(theoryMessage(forged, new ExamClaim(30, 30, ExamVerdict.APPROVED, List.of())));
        assertThat(r.problems()).singleElement().asString().contains("not the draw of seed");
        assertThat(r.claimFollows()).isFalse();
        ExamTheory otherSeat = new ExamTheory(t.bank(), t.drawSeed(), 5, t.questions());
        assertThat(REVIEWER.review(theoryMessage(otherSeat, new ExamClaim(30, 30, ExamVerdict.APPROVED, List.of()))).claimFollows()).isFalse();
    }

    private static ExamMessage practicalMessage(DocumentId examiner, DocumentId reporter, List<RecordedFault> faults, ExamClaim claim) {
        MessageHeader h = new MessageHeader(UUID.randomUUID(), "CALE-001", "practical-1", 3, "boot-9", START.plusMinutes(70));
        return ExamMessage.practical(h, "cale-practical@1", ANA, LicenceCategory.A1, Procedure.RECATEGORISATION, "T-2026-000200", START.minusMinutes(45),
                id('a', START.minusMinutes(10)), id('c', START.plusMinutes(60)), START, START.plusMinutes(60),
                new ExamPractical(FaultCatalogue.builtIn().ref(), examiner, reporter, faults), claim);
    }

    @Test
    void aSignedPracticalExamRoundTripsAndIsReScoredByCategory() throws Exception {
        DocumentId examiner = DocumentId.parse("CC-1020304050");
        DocumentId reporter = DocumentId.parse("CE-E55501");
        // 20 points off: 80 % passes A1 (80 %)
        List<RecordedFault> faults = List.of(new RecordedFault("VP-09", START.plusMinutes(20)), new RecordedFault("DE-08", START.plusMinutes(5)));
        ExamMessage m = practicalMessage(examiner, reporter, faults, new ExamClaim(80, 100, ExamVerdict.APPROVED, List.of()));
        SigningKey key = Ed25519Keys.generate("practical-1#2");
        Envelope env = Envelope.parse(Envelope.sign(Json.write(m), ExamMessage.TYPE, key));
        assertThat(env.verify(key.verificationKey())).isTrue();
        ExamMessage back = Json.read(env.payload(), ExamMessage.class);
        assertThat(back).isEqualTo(m);
        assertThat(REVIEWER.review(back).claimFollows()).isTrue();
        List<RecordedFault> oneMore = new ArrayList<>(faults);
        oneMore.add(new RecordedFault("VP-01", START.plusMinutes(30)));
        ExamReview r = REVIEWER.review(practicalMessage(examiner, reporter, oneMore, new ExamClaim(79, 100, ExamVerdict.APPROVED, List.of())));
        assertThat(r.claimFollows()).isFalse();
        assertThat(r.recomputed()).isEqualTo(new ExamClaim(79, 100, ExamVerdict.NOT_APPROVED, List.of()));
    }

    @Test
    void theResultIsReportedBySomeoneOtherThanTheExaminer() throws Exception {
        DocumentId examiner = DocumentId.parse("CC-1020304050");
        assertThatThrownBy(() -> practicalMessage(examiner, examiner, List.of(), new ExamClaim(100, 100, ExamVerdict.APPROVED, List.of())))
                .hasMessageContaining("reporter must be someone other than the examiner");
        // the same refusal when the JSON arrives over the wire
        ExamMessage ok = practicalMessage(examiner, DocumentId.parse("CC-5550001"), List.of(), new ExamClaim(100, 100, ExamVerdict.APPROVED, List.of()));
        String json = new String(Json.write(ok), StandardCharsets.UTF_8).replace("\"number\":\"5550001\"", "\"number\":\"1020304050\"");
        assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), ExamMessage.class))
                .isInstanceOf(IOException.class).hasMessageContaining("someone other than the examiner");
    }

    @Test
    void theCaleIsTheSendingCentreAndThePartMatchesTheContent() {
        ExamMessage m = theoryMessage(theory(0), new ExamClaim(30, 30, ExamVerdict.APPROVED, List.of()));
        assertThatThrownBy(() -> new ExamMessage(m.messageId(), m.centerId(), m.stationId(), m.seq(), m.bootId(), m.createdAt(), m.part(),
                m.profile(), m.candidate(), m.category(), m.procedure(), m.turnId(), "CALE-999", m.arrivedAt(), m.identification(),
                m.closingIdentification(), m.startedAt(), m.closedAt(), m.theory(), null, m.claim())).hasMessageContaining("must be the sending centre");
        assertThatThrownBy(() -> new ExamMessage(m.messageId(), m.centerId(), m.stationId(), m.seq(), m.bootId(), m.createdAt(),
                co.rtm.profiles.exam.ExamPart.PRACTICAL, m.profile(), m.candidate(), m.category(), m.procedure(), m.turnId(), m.cale(),
                m.arrivedAt(), m.identification(), m.closingIdentification(), m.startedAt(), m.closedAt(), m.theory(), null, m.claim()))
                .hasMessageContaining("PRACTICAL exam carries 'practical'");
        assertThat(REVIEWER.review(new ExamMessage(m.messageId(), m.centerId(), m.stationId(), m.seq(), m.bootId(), m.createdAt(), m.part(),
                "cale-practical@1", m.candidate(), m.category(), m.procedure(), m.turnId(), m.cale(), m.arrivedAt(), m.identification(),
                m.closingIdentification(), m.startedAt(), m.closedAt(), m.theory(), null, m.claim())).problems())
                .containsExactly("profile cale-practical@1 is not a theory profile");
    }

    @Test
    void theArrivalIsRequiredAndComesBeforeTheIdentification() throws IOException {
        ExamMessage m = theoryMessage(theory(0), new ExamClaim(30, 30, ExamVerdict.APPROVED, List.of()));
        assertThat(Json.read(Json.write(m), ExamMessage.class).arrivedAt()).isEqualTo(START.minusMinutes(40));
        String json = new String(Json.write(m), StandardCharsets.UTF_8);
        String without = json.replaceFirst("\"arrivedAt\":\"[^\"]*\",", "");
        assertThat(without).isNotEqualTo(json);
        assertThatThrownBy(() -> Json.read(without.getBytes(StandardCharsets.UTF_8), ExamMessage.class))
                .isInstanceOf(IOException.class).hasMessageContaining("arrivedAt");
        assertThatThrownBy(() -> new ExamMessage(m.messageId(), m.centerId(), m.stationId(), m.seq(), m.bootId(), m.createdAt(),
                m.part(), m.profile(), m.candidate(), m.category(), m.procedure(), m.turnId(), m.cale(),
                m.identification().at().plusSeconds(1), m.identification(), m.closingIdentification(), m.startedAt(),
                m.closedAt(), m.theory(), null, m.claim())).hasMessageContaining("arrivedAt is after identification.at");
    }
}
