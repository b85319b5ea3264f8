package co.rtm.profiles.wire;

import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.theory.QuestionGroup;

import java.util.List;
import java.util.Objects;

/**
 * What the station claims: {@code score} of {@code outOf} (theory: correct answers of 30; practical: points left of
 * the catalogue's maximum), the verdict, and for theory the failed groups (empty for practical).
 */
public record ExamClaim(int score, int outOf, ExamVerdict verdict, List<QuestionGroup> failedGroups) {
    public ExamClaim {
        if (outOf < 1 || score < 0 || score > outOf) throw new IllegalArgumentException("claim.score must be in [0, outOf]");
        Objects.requireNonNull(verdict, "claim.verdict");
        failedGroups = failedGroups == null ? List.of() : List.copyOf(failedGroups);
    }
}
