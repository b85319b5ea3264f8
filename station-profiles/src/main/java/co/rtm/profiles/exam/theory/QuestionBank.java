package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.profile.TheoryBlueprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned question bank ({@code id@version}, e.g. {@code sintetico@1}). The real bank lives on the ANSV platform
 * (art. 3.7.3.1.1, seed line 2516); the shipped one ({@link #synthetic()}) is generated from templates for tests and
 * the demo and is not official. Pools per licence category and group are precomputed, sorted by id, so a draw is
 * a pure function of the bank content.
 */
public final class QuestionBank {
    /** Resource path of the shipped synthetic bank. */
    public static final String SYNTHETIC_RESOURCE = "/co/rtm/profiles/exam/question-bank.json";

    private final String ref;
    private final Map<String, Question> byId;
    private final Map<LicenceCategory, List<List<Question>>> pools;

    QuestionBank(String ref, List<Question> questions) {
        this.ref = Objects.requireNonNull(ref, "ref");
        Map<String, Question> ids = new LinkedHashMap<>();
        for (Question q : questions) {
            if (ids.put(q.id(), q) != null) throw new IllegalArgumentException("duplicate question id " + q.id());
        }
        this.byId = java.util.Collections.unmodifiableMap(ids);
        Map<LicenceCategory, List<List<Question>>> p = new EnumMap<>(LicenceCategory.class);
        for (LicenceCategory c : LicenceCategory.values()) {
            List<List<Question>> groups = new ArrayList<>();
            for (QuestionGroup g : QuestionGroup.values()) {
                groups.add(questions.stream().filter(q -> q.group() == g && q.appliesTo(c))
                        .sorted(Comparator.comparing(Question::id)).toList());
            }
            p.put(c, List.copyOf(groups));
        }
        this.pools = p;
    }

    private static final class Shipped {
        static final QuestionBank BANK = QuestionBankReader.readResource(SYNTHETIC_RESOURCE);
    }

    /** The synthetic bank shipped in this jar. */
    public static QuestionBank synthetic() { return Shipped.BANK; }

    /** {@code id@version}, carried in exam messages so the hub re-draws from the same bank. */
    public String ref() { return ref; }

    public int size() { return byId.size(); }

    public Optional<Question> question(String id) { return Optional.ofNullable(byId.get(id)); }

    public List<Question> questions() { return List.copyOf(byId.values()); }

    /** The questions of {@code group} that apply to {@code category}, sorted by id. */
    public List<Question> pool(LicenceCategory category, QuestionGroup group) {
        return pools.get(category).get(group.index());
    }

    /**
     * The first shortfall against {@code blueprint}: a category and group with fewer questions than the blueprint
     * draws, as "category B1, group III: 7 questions, the blueprint draws 9"; empty when every pool is big enough.
     */
    public Optional<String> shortfall(TheoryBlueprint blueprint) {
        for (LicenceCategory c : LicenceCategory.values()) {
            for (QuestionGroup g : QuestionGroup.values()) {
                int have = pool(c, g).size();
                int need = blueprint.questionsPerGroup().get(g.index());
                if (have < need) return Optional.of("category " + c + ", group " + g + ": " + have + " questions, the blueprint draws " + need);
            }
        }
        return Optional.empty();
    }
}
