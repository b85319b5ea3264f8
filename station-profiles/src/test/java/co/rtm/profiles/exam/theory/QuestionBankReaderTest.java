package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.TheoryBlueprint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionBankReaderTest {
    private static final TheoryBlueprint BLUEPRINT = Profiles.builtIn("cale-theory").orElseThrow().theory();

    @Test
    void theShippedSyntheticBankHasAtLeast200QuestionsAndFillsEveryCategoryAndGroup() {
        QuestionBank bank = QuestionBank.synthetic();
        assertThat(bank.size()).isGreaterThanOrEqualTo(200);
        assertThat(bank.ref()).isEqualTo("sintetico@1");
        assertThat(bank.shortfall(BLUEPRINT)).isEmpty();
        for (LicenceCategory c : LicenceCategory.values()) {
            for (QuestionGroup g : QuestionGroup.values()) {
                // at least twice what a draw takes, so candidates do not all get the same questions
                assertThat(bank.pool(c, g)).hasSizeGreaterThanOrEqualTo(2 * BLUEPRINT.questionsPerGroup().get(g.index()));
            }
        }
        assertThat(bank.questions()).allSatisfy(q -> assertThat(q.options()).containsKey(q.correct()));
    }

    @Test
    void aDuplicateIdNamesTheQuestionAndField() {
        List<String> qs = enough();
        qs.add(q("I-0", "I", "b", "\"A1\""));
        assertThatThrownBy(() -> read(qs)).isInstanceOf(QuestionBankException.class)
                .hasMessageContaining("question I-0:").hasMessageContaining("field 'id'").hasMessageContaining("duplicate");
    }

    @Test
    void aGroupOutsideItoIVIsRefused() {
        List<String> qs = enough();
        qs.add(q("X-1", "V", "a", "\"B1\""));
        assertThatThrownBy(() -> read(qs)).isInstanceOf(QuestionBankException.class)
                .hasMessageContaining("question X-1").hasMessageContaining("field 'group'").hasMessageContaining("'V' is not one of I, II, III, IV");
    }

    @Test
    void aCorrectAnswerThatIsNotAnOptionIsRefused() {
        List<String> qs = enough();
        qs.add(q("X-2", "II", "e", "\"B1\""));
        assertThatThrownBy(() -> read(qs)).isInstanceOf(QuestionBankException.class)
                .hasMessageContaining("question X-2").hasMessageContaining("field 'correct'").hasMessageContaining("'e' is not one of its options [a, b, c]");
    }

    @Test
    void tooFewQuestionsInAGroupForTheBlueprintIsRefused() {
        List<String> qs = enough();
        qs.removeIf(s -> s.contains("\"id\":\"III-0\"")); // group III now has 8 for every category, the blueprint draws 9
        assertThatThrownBy(() -> read(qs)).isInstanceOf(QuestionBankException.class)
                .hasMessageContaining("field 'questions'").hasMessageContaining("group III: 8 questions, the blueprint draws 9");
    }

    @Test
    void theMinimalBankReadsAndServesEveryCategory() {
        QuestionBank bank = read(enough());
        assertThat(bank.size()).isEqualTo(30);
        assertThat(bank.pool(LicenceCategory.C3, QuestionGroup.II)).hasSize(9);
    }

    private static QuestionBank read(List<String> questions) {
        String json = "{\"id\":\"prueba\",\"version\":2,\"questions\":[" + String.join(",", questions) + "]}";
        return QuestionBankReader.read("prueba.json", json.getBytes(StandardCharsets.UTF_8), BLUEPRINT);
    }

    /** Exactly what the blueprint draws, for every category: 6/9/9/6. */
    private static List<String> enough() {
        List<String> out = new ArrayList<>();
        String all = "\"A1\",\"A2\",\"B1\",\"B2\",\"B3\",\"C1\",\"C2\",\"C3\"";
        String[] groups = {"I", "II", "III", "IV"};
        for (int g = 0; g < 4; g++) {
            for (int i = 0; i < BLUEPRINT.questionsPerGroup().get(g); i++) out.add(q(groups[g] + "-" + i, groups[g], "a", all));
        }
        return out;
    }

    private static String q(String id, String group, String correct, String categories) {
        return "{\"id\":\"" + id + "\",\"group\":\"" + group + "\",\"text\":\"¿Pregunta " + id + "?\","
                + "\"options\":{\"a\":\"Uno\",\"b\":\"Dos\",\"c\":\"Tres\"},\"correct\":\"" + correct + "\",\"categories\":[" + categories + "]}";
    }
}
