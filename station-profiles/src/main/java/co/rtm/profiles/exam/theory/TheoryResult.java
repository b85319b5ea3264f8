package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.ExamVerdict;

import java.util.List;
import java.util.Objects;

/**
 * A scored theory exam: correct answers out of the total, the verdict, the score per group, and the failed groups
 * (art. 3.7.3.1.4: a failure reports "las áreas reprobadas y el puntaje final"). {@code failedGroups} is listed
 * whatever the verdict; a report to a candidate who passed need not show it.
 */
public record TheoryResult(int correct, int total, ExamVerdict verdict, List<GroupScore> groups, List<QuestionGroup> failedGroups) {
    public TheoryResult {
        Objects.requireNonNull(verdict, "verdict");
        groups = List.copyOf(groups);
        failedGroups = List.copyOf(failedGroups);
        if (correct < 0 || correct > total) throw new IllegalArgumentException(correct + " correct of " + total);
    }
}
