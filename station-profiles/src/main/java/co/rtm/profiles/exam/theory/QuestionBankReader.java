package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.TheoryBlueprint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a question bank from JSON:
 * <pre>{"id": "sintetico", "version": 1, "questions": [
 *   {"id": "I-001", "group": "I", "text": "...", "options": {"a": "...", "b": "...", "c": "..."}, "correct": "b",
 *    "categories": ["A1", "B1"]}, ...]}</pre>
 * Every mistake is a {@link QuestionBankException} naming the question and the field: a duplicate id, a group outside
 * I-IV, a correct answer that is not one of the options, an unknown category, and, for the bank as a whole, fewer
 * questions in a group (for some category) than the blueprint draws.
 */
public final class QuestionBankReader {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "group", "text", "options", "correct", "categories");

    private QuestionBankReader() {}

    /** Reads and checks a bank against the blueprint it will serve. */
    public static QuestionBank read(String file, byte[] json, TheoryBlueprint blueprint) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new QuestionBankException(file, null, null, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) throw new QuestionBankException(file, null, null, "the bank must be a JSON object");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("id", "version", "questions").contains(f)) throw new QuestionBankException(file, null, f, "unknown field");
        }
        String id = text(file, null, root, "id");
        if (!id.matches("[a-z0-9-]{2,40}")) throw new QuestionBankException(file, null, "id", "must match [a-z0-9-]{2,40}, not '" + id + "'");
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.intValue() < 1) throw new QuestionBankException(file, null, "version", "must be a whole number >= 1");
        JsonNode list = root.get("questions");
        if (list == null || !list.isArray()) throw new QuestionBankException(file, null, "questions", "must be a list");
        List<Question> questions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode q : list) {
            String where = "#" + (index + 1);
            if (!q.isObject()) throw new QuestionBankException(file, where, null, "must be an object");
            JsonNode idNode = q.get("id");
            String qid = idNode != null && idNode.isTextual() ? idNode.textValue() : null;
            if (qid == null || !qid.matches("[A-Za-z0-9_.-]{1,40}")) throw new QuestionBankException(file, where, "id", "must be 1-40 letters, digits, '.', '_' or '-'");
            if (!seen.add(qid)) throw new QuestionBankException(file, qid, "id", "duplicate id (question " + where + " repeats it)");
            questions.add(question(file, qid, q));
            index++;
        }
        QuestionBank bank = new QuestionBank(id + "@" + version.intValue(), questions);
        bank.shortfall(blueprint).ifPresent(s -> {
            throw new QuestionBankException(file, null, "questions", "too few questions: " + s);
        });
        return bank;
    }

    /** Reads a bank shipped as a class-path resource, checked against the shipped {@code cale-theory} blueprint. */
    public static QuestionBank readResource(String name) {
        try (InputStream in = QuestionBankReader.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return read(name, in.readAllBytes(), Profiles.builtIn("cale-theory").orElseThrow().theory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Question question(String file, String qid, JsonNode q) {
        for (Iterator<String> it = q.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!QUESTION_FIELDS.contains(f)) throw new QuestionBankException(file, qid, f, "unknown field");
        }
        String groupText = text(file, qid, q, "group");
        QuestionGroup group;
        try {
            group = QuestionGroup.valueOf(groupText);
        } catch (IllegalArgumentException e) {
            throw new QuestionBankException(file, qid, "group", "'" + groupText + "' is not one of I, II, III, IV");
        }
        String text = text(file, qid, q, "text");
        if (text.isBlank()) throw new QuestionBankException(file, qid, "text", "is blank");
        JsonNode opts = q.get("options");
        if (opts == null || !opts.isObject()) throw new QuestionBankException(file, qid, "options", "must be an object of key: text");
        Map<String, String> options = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = opts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("[a-z]")) throw new QuestionBankException(file, qid, "options." + e.getKey(), "an option key is one letter a-z");
            if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) throw new QuestionBankException(file, qid, "options." + e.getKey(), "must be a non-blank text");
            if (options.containsValue(e.getValue().textValue())) throw new QuestionBankException(file, qid, "options." + e.getKey(), "repeats another option's text");
            options.put(e.getKey(), e.getValue().textValue());
        }
        if (options.size() < 2 || options.size() > 6) throw new QuestionBankException(file, qid, "options", "needs 2 to 6 options, has " + options.size());
        String correct = text(file, qid, q, "correct");
        if (!options.containsKey(correct)) throw new QuestionBankException(file, qid, "correct", "'" + correct + "' is not one of its options " + options.keySet());
        JsonNode cats = q.get("categories");
        if (cats == null || !cats.isArray() || cats.isEmpty()) throw new QuestionBankException(file, qid, "categories", "must list at least one licence category");
        Set<LicenceCategory> categories = EnumSet.noneOf(LicenceCategory.class);
        for (JsonNode c : cats) {
            try {
                categories.add(LicenceCategory.valueOf(c.asText()));
            } catch (IllegalArgumentException e) {
                throw new QuestionBankException(file, qid, "categories", "'" + c.asText() + "' is not a licence category (A1, A2, B1, B2, B3, C1, C2, C3)");
            }
        }
        return new Question(qid, group, text, options, correct, categories);
    }

    private static String text(String file, String qid, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new QuestionBankException(file, qid, field, "is required and must be a text");
        return v.textValue();
    }
}
