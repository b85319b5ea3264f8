package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.LicenceCategory;

import java.util.List;
import java.util.Objects;

/**
 * The questions one candidate got, in the order shown, with each question's option order: a pure function of
 * ({@code bank}, {@code drawSeed}, {@code seat}, {@code category}), re-derived by the hub with {@link TheoryDrawer}.
 */
public record TheoryDraw(String bank, String drawSeed, int seat, LicenceCategory category, List<DrawnQuestion> questions) {
    public TheoryDraw {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(drawSeed, "drawSeed");
        Objects.requireNonNull(category, "category");
        questions = List.copyOf(questions);
    }

    /** The question ids in the order shown. */
    public List<String> questionIds() { return questions.stream().map(DrawnQuestion::id).toList(); }
}
