package co.rtm.profiles.wire;

import co.rtm.profiles.exam.theory.AnsweredQuestion;
import co.rtm.profiles.exam.theory.TheoryDrawer;

import java.util.List;
import java.util.Objects;

/**
 * The theory part of an {@code exam} message: the bank ({@code id@version}), the room session's draw seed and the
 * candidate's seat, and the questions in the order shown with their option orders and answers. The hub re-draws
 * from (bank, drawSeed, seat, category) and checks the order is the one the seed gives.
 */
public record ExamTheory(String bank, String drawSeed, int seat, List<AnsweredQuestion> questions) {
    public ExamTheory {
        Objects.requireNonNull(bank, "theory.bank");
        TheoryDrawer.requireSeed(drawSeed);
        if (seat < 0) throw new IllegalArgumentException("theory.seat must be >= 0");
        if (questions == null || questions.isEmpty()) throw new IllegalArgumentException("theory.questions is required");
        questions = List.copyOf(questions);
    }
}
