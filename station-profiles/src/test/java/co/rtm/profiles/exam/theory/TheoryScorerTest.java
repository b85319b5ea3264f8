package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.TheoryBlueprint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TheoryScorerTest {
    private static final TheoryBlueprint BLUEPRINT = Profiles.builtIn("cale-theory").orElseThrow().theory();
    private static final QuestionBank BANK = QuestionBank.synthetic();
    private static final TheoryDraw DRAW = new TheoryDrawer(BLUEPRINT, BANK).draw("0123456789abcdef0123456789abcdef", 5, LicenceCategory.B1);

    /** Answers that get {@code wrongPerGroup[g]} wrong in group g, the rest right. */
    static List<AnsweredQuestion> answers(TheoryDraw draw, QuestionBank bank, Map<QuestionGroup, Integer> wrongPerGroup) {
        Map<QuestionGroup, Integer> left = new java.util.EnumMap<>(QuestionGroup.class);
        left.putAll(wrongPerGroup);
        List<AnsweredQuestion> out = new ArrayList<>();
        for (DrawnQuestion d : draw.questions()) {
            Question q = bank.question(d.id()).orElseThrow();
            int wrong = left.getOrDefault(q.group(), 0);
            String answer = q.correct();
            if (wrong > 0) {
                answer = d.optionOrder().stream().filter(k -> !k.equals(q.correct())).findFirst().orElseThrow();
                left.put(q.group(), wrong - 1);
            }
            out.add(AnsweredQuestion.of(d, answer));
        }
        return out;
    }

    @Test
    void twentyFourCorrectPassesAndTwentyThreeFailsWithTheFailedGroups() {
        TheoryScorer scorer = new TheoryScorer(BLUEPRINT, BANK);
        TheoryResult pass = scorer.score(answers(DRAW, BANK, Map.of(QuestionGroup.I, 1, QuestionGroup.II, 1, QuestionGroup.III, 1, QuestionGroup.IV, 3)));
        assertThat(pass.correct()).isEqualTo(24);
        assertThat(pass.verdict()).isEqualTo(ExamVerdict.APPROVED);
        assertThat(pass.failedGroups()).containsExactly(QuestionGroup.IV); // 3 of 6 is below 80 % even though the exam passes

        TheoryResult fail = scorer.score(answers(DRAW, BANK, Map.of(QuestionGroup.I, 1, QuestionGroup.II, 2, QuestionGroup.III, 2, QuestionGroup.IV, 2)));
        assertThat(fail.correct()).isEqualTo(23);
        assertThat(fail.total()).isEqualTo(30);
        assertThat(fail.verdict()).isEqualTo(ExamVerdict.NOT_APPROVED);
        // I: 5/6 = 83 % ok; II, III: 7/9 = 78 % failed; IV: 4/6 = 67 % failed
        assertThat(fail.failedGroups()).containsExactly(QuestionGroup.II, QuestionGroup.III, QuestionGroup.IV);
        assertThat(fail.groups()).extracting(GroupScore::correct).containsExactly(5, 7, 7, 4);
    }

    @Test
    void aGroupFailsBelowThePassShareAndNotAtIt() {
        TheoryScorer scorer = new TheoryScorer(BLUEPRINT, BANK);
        // 8/9 = 88.9 % and 5/6 = 83 %: no group failed; 7/9 and 4/6 fail
        assertThat(scorer.score(answers(DRAW, BANK, Map.of(QuestionGroup.II, 1, QuestionGroup.IV, 1))).failedGroups()).isEmpty();
        assertThat(scorer.score(answers(DRAW, BANK, Map.of(QuestionGroup.II, 2))).failedGroups()).containsExactly(QuestionGroup.II);
        assertThat(scorer.score(answers(DRAW, BANK, Map.of(QuestionGroup.I, 2))).failedGroups()).containsExactly(QuestionGroup.I);
    }

    @Test
    void thePassMarkComesFromTheBlueprint() {
        TheoryBlueprint lenient = new TheoryBlueprint(List.of(6, 9, 9, 6), 20, 60, 10);
        List<AnsweredQuestion> twenty = answers(DRAW, BANK, Map.of(QuestionGroup.II, 5, QuestionGroup.III, 5));
        assertThat(new TheoryScorer(lenient, BANK).score(twenty).verdict()).isEqualTo(ExamVerdict.APPROVED);
        assertThat(new TheoryScorer(BLUEPRINT, BANK).score(twenty).verdict()).isEqualTo(ExamVerdict.NOT_APPROVED);
    }

    @Test
    void unansweredCountsAsWrongAndAForeignQuestionIsRefused() {
        List<AnsweredQuestion> blank = DRAW.questions().stream().map(d -> AnsweredQuestion.of(d, null)).toList();
        assertThat(new TheoryScorer(BLUEPRINT, BANK).score(blank).correct()).isZero();
        List<AnsweredQuestion> short29 = blank.subList(0, 29);
        assertThatThrownBy(() -> new TheoryScorer(BLUEPRINT, BANK).score(short29)).hasMessageContaining("the blueprint asks");
        assertThatThrownBy(() -> AnsweredQuestion.of(DRAW.questions().get(0), "z")).hasMessageContaining("not one of the options shown");
    }
}
