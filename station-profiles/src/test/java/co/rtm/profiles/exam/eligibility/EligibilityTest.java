package co.rtm.profiles.exam.eligibility;

import co.rtm.profiles.exam.Decision;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.ExamRefusal;
import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.profile.Profiles;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static co.rtm.profiles.exam.LicenceCategory.B1;
import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {
    private static final Eligibility RULES = new Eligibility(Profiles.builtIn("cale-theory").orElseThrow().theory(),
            Profiles.builtIn("cale-practical").orElseThrow().practical());
    private static final DocumentId ANA = DocumentId.parse("CC-79123456");
    /** Failed late in the Bogotá evening: already the next day in UTC, still day 0 in Bogotá. */
    private static final OffsetDateTime FAILED = OffsetDateTime.parse("2026-11-02T23:30:00-05:00");

    private static ExamAttempt attempt(ExamPart part, String cale, OffsetDateTime at, ExamVerdict v, boolean retake) {
        return new ExamAttempt(part, B1, cale, at, v, retake);
    }

    private static ExamRefusal refusal(Decision d) { return d.refusal(); }

    @Test
    void theFreeTheoryRetakeIsAllowedOnDay10AndRefusedOnDay11() {
        List<ExamAttempt> h = List.of(attempt(ExamPart.THEORY, "CALE-1", FAILED, ExamVerdict.NOT_APPROVED, false));
        assertThat(RULES.freeTheoryRetake(h, B1, OffsetDateTime.parse("2026-11-12T23:59:00-05:00")).isAllowed()).isTrue();
        // 2026-11-13 00:10 Bogotá is day 11, though only 10 days and 40 minutes after the failure
        Decision day11 = RULES.freeTheoryRetake(h, B1, OffsetDateTime.parse("2026-11-13T05:10:00Z"));
        assertThat(refusal(day11)).isEqualTo(ExamRefusal.FREE_RETAKE_EXPIRED);
        assertThat(day11.detail()).contains("day 11");
        assertThat(RULES.freeTheoryRetake(h, B1, FAILED.plusHours(1)).isAllowed()).isTrue(); // day 0
    }

    @Test
    void theFreeTheoryRetakeIsGivenOnceAndOnlyAfterAFailure() {
        List<ExamAttempt> retakeFailed = List.of(attempt(ExamPart.THEORY, "CALE-1", FAILED, ExamVerdict.NOT_APPROVED, false),
                attempt(ExamPart.THEORY, "CALE-1", FAILED.plusDays(3), ExamVerdict.NOT_APPROVED, true));
        assertThat(refusal(RULES.freeTheoryRetake(retakeFailed, B1, FAILED.plusDays(5)))).isEqualTo(ExamRefusal.FREE_RETAKE_ALREADY_USED);
        List<ExamAttempt> passed = List.of(attempt(ExamPart.THEORY, "CALE-1", FAILED, ExamVerdict.APPROVED, false));
        assertThat(refusal(RULES.freeTheoryRetake(passed, B1, FAILED.plusDays(1)))).isEqualTo(ExamRefusal.NO_FAILED_EXAM_TO_RETAKE);
        assertThat(refusal(RULES.freeTheoryRetake(List.of(), B1, FAILED))).isEqualTo(ExamRefusal.NO_FAILED_EXAM_TO_RETAKE);
    }

    @Test
    void thePracticalIsAllowedOnDay30AfterThePassedTheoryAndRefusedOnDay31() {
        OffsetDateTime passedAt = OffsetDateTime.parse("2026-11-02T10:00:00-05:00");
        List<ExamAttempt> h = List.of(attempt(ExamPart.THEORY, "CALE-1", passedAt, ExamVerdict.APPROVED, false));
        assertThat(RULES.practical(h, B1, "CALE-1", OffsetDateTime.parse("2026-12-02T18:00:00-05:00")).isAllowed()).isTrue();
        assertThat(refusal(RULES.practical(h, B1, "CALE-1", OffsetDateTime.parse("2026-12-03T07:00:00-05:00")))).isEqualTo(ExamRefusal.THEORY_WINDOW_EXPIRED);
    }

    @Test
    void thePracticalIsRefusedAtAnotherCaleOrWithoutAPassedTheory() {
        OffsetDateTime passedAt = OffsetDateTime.parse("2026-11-02T10:00:00-05:00");
        List<ExamAttempt> h = List.of(attempt(ExamPart.THEORY, "CALE-1", passedAt, ExamVerdict.APPROVED, false));
        assertThat(refusal(RULES.practical(h, B1, "CALE-2", passedAt.plusDays(2)))).isEqualTo(ExamRefusal.OTHER_CALE);
        assertThat(refusal(RULES.practical(h, LicenceCategory.C1, "CALE-1", passedAt.plusDays(2)))).isEqualTo(ExamRefusal.THEORY_NOT_PASSED);
        List<ExamAttempt> failed = List.of(attempt(ExamPart.THEORY, "CALE-1", passedAt, ExamVerdict.NOT_APPROVED, false));
        assertThat(refusal(RULES.practical(failed, B1, "CALE-1", passedAt.plusDays(2)))).isEqualTo(ExamRefusal.THEORY_NOT_PASSED);
    }

    @Test
    void theFreePracticalRetakeIsAllowedOnDay10AndRefusedOnDay11OrOncePastTheTheoryWindow() {
        OffsetDateTime theory = OffsetDateTime.parse("2026-11-01T09:00:00-05:00");
        OffsetDateTime practicalFailed = OffsetDateTime.parse("2026-11-05T15:00:00-05:00");
        List<ExamAttempt> h = List.of(attempt(ExamPart.THEORY, "CALE-1", theory, ExamVerdict.APPROVED, false),
                attempt(ExamPart.PRACTICAL, "CALE-1", practicalFailed, ExamVerdict.NOT_APPROVED, false));
        assertThat(RULES.freePracticalRetake(h, B1, "CALE-1", OffsetDateTime.parse("2026-11-15T08:00:00-05:00")).isAllowed()).isTrue();
        assertThat(refusal(RULES.freePracticalRetake(h, B1, "CALE-1", OffsetDateTime.parse("2026-11-16T08:00:00-05:00")))).isEqualTo(ExamRefusal.FREE_RETAKE_EXPIRED);
        assertThat(refusal(RULES.freePracticalRetake(h, B1, "CALE-2", OffsetDateTime.parse("2026-11-15T08:00:00-05:00")))).isEqualTo(ExamRefusal.OTHER_CALE);

        List<ExamAttempt> late = List.of(attempt(ExamPart.THEORY, "CALE-1", theory, ExamVerdict.APPROVED, false),
                attempt(ExamPart.PRACTICAL, "CALE-1", OffsetDateTime.parse("2026-11-28T15:00:00-05:00"), ExamVerdict.NOT_APPROVED, false));
        // day 4 after the practical failure, but day 32 after the theory
        assertThat(refusal(RULES.freePracticalRetake(late, B1, "CALE-1", OffsetDateTime.parse("2026-12-03T08:00:00-05:00")))).isEqualTo(ExamRefusal.THEORY_WINDOW_EXPIRED);
    }

    @Test
    void arrivalAtLeast30MinutesBeforeTheTurn() {
        OffsetDateTime turn = OffsetDateTime.parse("2026-11-20T08:00:00-05:00");
        assertThat(Eligibility.arrival(turn, turn.minusMinutes(30)).isAllowed()).isTrue();
        assertThat(Eligibility.arrival(turn, OffsetDateTime.parse("2026-11-20T12:30:00Z")).isAllowed()).isTrue(); // 07:30 Bogotá
        Decision late = Eligibility.arrival(turn, turn.minusMinutes(29));
        assertThat(late.refusal()).isEqualTo(ExamRefusal.ARRIVED_LATE);
        assertThat(Eligibility.arrival(turn, turn.plusMinutes(5)).refusal()).isEqualTo(ExamRefusal.ARRIVED_LATE);
    }

    @Test
    void crcAndCeaCertificatesAreRequiredValidAndForTheCategory() {
        OffsetDateTime exam = OffsetDateTime.parse("2026-11-20T08:00:00-05:00");
        Certificate crc = new Certificate(CertificateKind.CRC, "CRC-1", ANA, B1, LocalDate.parse("2026-05-21"), null);
        Certificate cea = new Certificate(CertificateKind.CEA, "CEA-1", ANA, B1, LocalDate.parse("2026-10-01"), LocalDate.parse("2027-10-01"));
        assertThat(Eligibility.certificates(List.of(crc, cea), ANA, B1, exam).isAllowed()).isTrue();
        assertThat(Eligibility.certificates(List.of(cea), ANA, B1, exam).refusal()).isEqualTo(ExamRefusal.CRC_CERTIFICATE_MISSING);
        assertThat(Eligibility.certificates(List.of(crc), ANA, B1, exam).refusal()).isEqualTo(ExamRefusal.CEA_CERTIFICATE_MISSING);
        assertThat(Eligibility.certificates(List.of(crc, cea), ANA, LicenceCategory.C1, exam).refusal()).isEqualTo(ExamRefusal.CRC_CERTIFICATE_MISSING);
        assertThat(Eligibility.certificates(List.of(crc, cea), DocumentId.parse("CC-80111222"), B1, exam).refusal()).isEqualTo(ExamRefusal.CRC_CERTIFICATE_MISSING);
        // a CRC certificate lasts 6 months (art. 3.4.4.11): issued 2026-05-20, its last day is 2026-11-19
        Certificate oldCrc = new Certificate(CertificateKind.CRC, "CRC-0", ANA, B1, LocalDate.parse("2026-05-20"), LocalDate.parse("2027-05-20"));
        assertThat(crc.lastValidDay()).isEqualTo(LocalDate.parse("2026-11-20"));
        Decision expired = Eligibility.certificates(List.of(oldCrc, cea), ANA, B1, exam);
        assertThat(expired.refusal()).isEqualTo(ExamRefusal.CRC_CERTIFICATE_EXPIRED);
        assertThat(expired.detail()).contains("2026-11-19");
        Certificate oldCea = new Certificate(CertificateKind.CEA, "CEA-0", ANA, B1, LocalDate.parse("2025-10-01"), LocalDate.parse("2026-11-19"));
        assertThat(Eligibility.certificates(List.of(crc, oldCea), ANA, B1, exam).refusal()).isEqualTo(ExamRefusal.CEA_CERTIFICATE_EXPIRED);
    }
}
