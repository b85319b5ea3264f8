package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.profile.TheoryBlueprint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Scores theory answers against the bank. Pass: at least {@code blueprint.passCorrect()} correct (24 of 30, i.e.
 * 80 %, art. 3.7.3.1.4, seed line 2569). The law asks for a report of "las áreas reprobadas" without defining one;
 * here a group is failed when its share of correct answers is below the blueprint's pass share
 * ({@code correct * total < passCorrect * asked}): with 24/30, fewer than 5 of 6 or fewer than 8 of 9.
 */
public final class TheoryScorer {
    private final TheoryBlueprint blueprint;
    private final QuestionBank bank;

    public TheoryScorer(TheoryBlueprint blueprint, QuestionBank bank) {
        this.blueprint = Objects.requireNonNull(blueprint, "blueprint");
        this.bank = Objects.requireNonNull(bank, "bank");
    }

    /**
     * @throws IllegalArgumentException when the answers do not form an exam of this blueprint: unknown or repeated
     *                                  question, options shown that are not the question's, wrong count per group
     */
    public TheoryResult score(List<AnsweredQuestion> answers) {
        int[] asked = new int[QuestionGroup.values().length];
        int[] right = new int[asked.length];
        Set<String> seen = new HashSet<>();
        for (AnsweredQuestion a : answers) {
            Question q = bank.question(a.id()).orElseThrow(() -> new IllegalArgumentException("question " + a.id() + " is not in bank " + bank.ref()));
            if (!seen.add(a.id())) throw new IllegalArgumentException("question " + a.id() + " appears twice");
            if (!new HashSet<>(a.optionOrder()).equals(q.options().keySet()) || a.optionOrder().size() != q.options().size()) {
                throw new IllegalArgumentException("question " + a.id() + " shows options " + a.optionOrder() + ", the bank has " + q.options().keySet());
            }
            asked[q.group().index()]++;
            if (q.correct().equals(a.answer())) right[q.group().index()]++;
        }
        int total = blueprint.totalQuestions();
        List<GroupScore> groups = new ArrayList<>();
        List<QuestionGroup> failed = new ArrayList<>();
        int correct = 0;
        for (QuestionGroup g : QuestionGroup.values()) {
            int want = blueprint.questionsPerGroup().get(g.index());
            if (asked[g.index()] != want) throw new IllegalArgumentException("group " + g + " has " + asked[g.index()] + " questions, the blueprint asks " + want);
            groups.add(new GroupScore(g, right[g.index()], want));
            if ((long) right[g.index()] * total < (long) blueprint.passCorrect() * want) failed.add(g);
            correct += right[g.index()];
        }
        ExamVerdict v = correct >= blueprint.passCorrect() ? ExamVerdict.APPROVED : ExamVerdict.NOT_APPROVED;
        return new TheoryResult(correct, total, v, groups, failed);
    }
}
