package co.rtm.profiles.exam.review;

import co.rtm.profiles.wire.ExamClaim;

import java.util.List;

/**
 * The hub's re-scoring of an {@code exam} message: the problems found in its content (empty when it is
 * consistent), the claim recomputed from the content (null when it could not be scored), and whether the claimed
 * score and verdict follow from the content.
 */
public record ExamReview(List<String> problems, ExamClaim recomputed, boolean claimFollows) {
    public ExamReview {
        problems = List.copyOf(problems);
    }
}
