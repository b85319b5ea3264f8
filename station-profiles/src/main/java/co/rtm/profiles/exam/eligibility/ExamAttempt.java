package co.rtm.profiles.exam.eligibility;

import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.LicenceCategory;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A closed exam in a candidate's history: which part, category, at which CALE, when it closed, the verdict, and
 * whether it was itself the free retake of an earlier failure.
 */
public record ExamAttempt(ExamPart part, LicenceCategory category, String cale, OffsetDateTime closedAt,
                          ExamVerdict verdict, boolean freeRetake) {
    public ExamAttempt {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(cale, "cale");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(verdict, "verdict");
    }
}
