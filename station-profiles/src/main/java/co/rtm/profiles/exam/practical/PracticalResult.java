package co.rtm.profiles.exam.practical;

import co.rtm.profiles.exam.ExamVerdict;

import java.util.List;
import java.util.Objects;

/**
 * A scored practical exam: points left of {@code maxPoints}, the pass percentage of the category, the verdict, and
 * the eliminatory faults recorded (codes, in order). The fail report lists the faults, their severity and the total
 * (art. 3.7.3.2.3); the faults themselves travel with the message.
 */
public record PracticalResult(int points, int maxPoints, double passPct, ExamVerdict verdict, List<String> eliminatory) {
    public PracticalResult {
        Objects.requireNonNull(verdict, "verdict");
        eliminatory = List.copyOf(eliminatory);
    }

    /** Points as a percentage of the maximum. */
    public double percent() { return points * 100.0 / maxPoints; }
}
