package co.rtm.profiles.profile;

import java.util.List;

/**
 * The CALE theory exam (art. 3.7.3.x, DESIGN §6): questions drawn per group I-IV (6/9/9/6 of 30), the number of
 * correct answers that passes (24/30 = 80 %), the time allowed and the free retake window.
 */
public record TheoryBlueprint(List<Integer> questionsPerGroup, int passCorrect, int durationMinutes, int freeRetakeDays) {
    public TheoryBlueprint {
        if (questionsPerGroup == null || questionsPerGroup.size() != 4) throw new IllegalArgumentException("'questionsPerGroup' lists groups I-IV (4 numbers)");
        questionsPerGroup = List.copyOf(questionsPerGroup);
        int total = questionsPerGroup.stream().mapToInt(Integer::intValue).sum();
        if (passCorrect < 1 || passCorrect > total) throw new IllegalArgumentException("'passCorrect' must be between 1 and " + total);
        if (durationMinutes < 1) throw new IllegalArgumentException("'durationMinutes' must be positive");
        if (freeRetakeDays < 0) throw new IllegalArgumentException("'freeRetakeDays' must not be negative");
    }

    public int totalQuestions() { return questionsPerGroup.stream().mapToInt(Integer::intValue).sum(); }
}
