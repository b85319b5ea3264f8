package co.rtm.profiles.exam.eligibility;

import co.rtm.profiles.exam.Decision;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.ExamRefusal;
import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.profile.PracticalRules;
import co.rtm.profiles.profile.TheoryBlueprint;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may sit which CALE exam, as pure functions of the candidate's history, certificates and the clock. Days are
 * calendar days in America/Bogota: day 0 is the Bogotá calendar day on which the earlier exam closed, so "within 10
 * calendar days" allows days 0 to 10 and refuses day 11 (whatever the hour, whatever offset the timestamps carry).
 */
public final class Eligibility {
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    /** Arrive at least 30 minutes before the turn (art. 3.7.3.1.2, seed line 2536). */
    public static final Duration ARRIVAL_AHEAD = Duration.ofMinutes(30);

    private final TheoryBlueprint theory;
    private final PracticalRules practical;

    public Eligibility(TheoryBlueprint theory, PracticalRules practical) {
        this.theory = Objects.requireNonNull(theory, "theory");
        this.practical = Objects.requireNonNull(practical, "practical");
    }

    /** Calendar days in Bogotá from {@code from}'s day (day 0) to {@code to}'s day. */
    public static long calendarDays(OffsetDateTime from, OffsetDateTime to) {
        return ChronoUnit.DAYS.between(day(from), day(to));
    }

    public static LocalDate day(OffsetDateTime t) { return t.atZoneSameInstant(BOGOTA).toLocalDate(); }

    /** Arrival at least 30 minutes before the turn starts (art. 3.7.3.1.2). */
    public static Decision arrival(OffsetDateTime turnStartsAt, OffsetDateTime arrivedAt) {
        Duration ahead = Duration.between(arrivedAt, turnStartsAt);
        if (ahead.compareTo(ARRIVAL_AHEAD) < 0) {
            return Decision.refused(ExamRefusal.ARRIVED_LATE, "arrived " + ahead.toMinutes() + " min before the turn, at least " + ARRIVAL_AHEAD.toMinutes() + " required");
        }
        return Decision.allowed();
    }

    /**
     * A valid CRC and CEA certificate for this candidate and category on the exam day (art. 3.7.3.1.2: the CALE
     * checks both in RUNT before the exam). A certificate for a higher category of the same series does not count:
     * each procedure needs its own category's certificates.
     */
    public static Decision certificates(List<Certificate> onRecord, DocumentId candidate, LicenceCategory category, OffsetDateTime examAt) {
        LocalDate day = day(examAt);
        for (CertificateKind kind : CertificateKind.values()) {
            List<Certificate> mine = onRecord.stream()
                    .filter(c -> c.kind() == kind && c.holder().equals(candidate) && c.category() == category).toList();
            ExamRefusal missing = kind == CertificateKind.CRC ? ExamRefusal.CRC_CERTIFICATE_MISSING : ExamRefusal.CEA_CERTIFICATE_MISSING;
            ExamRefusal expired = kind == CertificateKind.CRC ? ExamRefusal.CRC_CERTIFICATE_EXPIRED : ExamRefusal.CEA_CERTIFICATE_EXPIRED;
            if (mine.isEmpty()) return Decision.refused(missing, "no " + kind + " certificate for " + candidate + " in category " + category);
            if (mine.stream().noneMatch(c -> c.validOn(day))) {
                Certificate last = mine.stream().max(Comparator.comparing(Certificate::issuedOn)).orElseThrow();
                return Decision.refused(expired, kind + " certificate " + last.number() + " is not valid on " + day + " (last valid day " + last.lastValidDay() + ")");
            }
        }
        return Decision.allowed();
    }

    /**
     * The one free theory retake within {@code freeRetakeDays} (10) calendar days of a failure (art. 3.7.3.1.4
     * par. 1, seed line 2573). Refused when the last theory exam in the category passed, was itself the free retake,
     * or failed more than 10 days ago (the candidate may still book and pay again).
     */
    public Decision freeTheoryRetake(List<ExamAttempt> history, LicenceCategory category, OffsetDateTime at) {
        return freeRetake(history, ExamPart.THEORY, category, at, theory.freeRetakeDays());
    }

    /**
     * The practical exam: after a passed theory exam in the category, within {@code daysAfterTheory} (30) calendar
     * days of it, at the same CALE (art. 3.7.3.1.4 par. 2, seed line 2575; art. 3.7.3.2.1).
     */
    public Decision practical(List<ExamAttempt> history, LicenceCategory category, String cale, OffsetDateTime at) {
        Optional<ExamAttempt> passed = latest(history, ExamPart.THEORY, category).filter(a -> a.verdict() == ExamVerdict.APPROVED);
        if (passed.isEmpty()) return Decision.refused(ExamRefusal.THEORY_NOT_PASSED, "no passed theory exam in category " + category + " as the last theory attempt");
        ExamAttempt t = passed.get();
        long days = calendarDays(t.closedAt(), at);
        if (days > practical.daysAfterTheory()) {
            return Decision.refused(ExamRefusal.THEORY_WINDOW_EXPIRED, "theory passed on " + day(t.closedAt()) + ", day " + days + " > " + practical.daysAfterTheory());
        }
        if (!t.cale().equals(cale)) return Decision.refused(ExamRefusal.OTHER_CALE, "theory passed at " + t.cale() + ", practical asked at " + cale);
        return Decision.allowed();
    }

    /**
     * The one free practical retake within {@code freeRetakeDays} (10) calendar days of a failure (art. 3.7.3.2.3,
     * seed line 2617), provided the theory exam still counts (par., seed lines 2621-2623: "siempre que este se
     * encuentre vigente", read as the same 30-day window and CALE as {@link #practical}).
     */
    public Decision freePracticalRetake(List<ExamAttempt> history, LicenceCategory category, String cale, OffsetDateTime at) {
        Decision d = freeRetake(history, ExamPart.PRACTICAL, category, at, practical.freeRetakeDays());
        return d.isAllowed() ? practical(history, category, cale, at) : d;
    }

    private static Decision freeRetake(List<ExamAttempt> history, ExamPart part, LicenceCategory category, OffsetDateTime at, int freeDays) {
        Optional<ExamAttempt> last = latest(history, part, category);
        if (last.isEmpty() || last.get().verdict() != ExamVerdict.NOT_APPROVED) {
            return Decision.refused(ExamRefusal.NO_FAILED_EXAM_TO_RETAKE, "the last " + part + " exam in category " + category + " is not a failure");
        }
        ExamAttempt failed = last.get();
        if (failed.freeRetake()) return Decision.refused(ExamRefusal.FREE_RETAKE_ALREADY_USED, "the failed " + part + " exam of " + day(failed.closedAt()) + " was already the free retake");
        long days = calendarDays(failed.closedAt(), at);
        if (days > freeDays) {
            return Decision.refused(ExamRefusal.FREE_RETAKE_EXPIRED, part + " failed on " + day(failed.closedAt()) + ", day " + days + " > " + freeDays);
        }
        return Decision.allowed();
    }

    private static Optional<ExamAttempt> latest(List<ExamAttempt> history, ExamPart part, LicenceCategory category) {
        return history.stream().filter(a -> a.part() == part && a.category() == category)
                .max(Comparator.comparing(a -> a.closedAt().toInstant()));
    }
}
