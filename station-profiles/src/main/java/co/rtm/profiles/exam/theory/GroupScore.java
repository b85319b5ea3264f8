package co.rtm.profiles.exam.theory;

import java.util.Objects;

/** Correct answers in one group out of the questions asked from it. */
public record GroupScore(QuestionGroup group, int correct, int asked) {
    public GroupScore {
        Objects.requireNonNull(group, "group");
        if (asked < 0 || correct < 0 || correct > asked) throw new IllegalArgumentException("group " + group + ": " + correct + " correct of " + asked);
    }
}
