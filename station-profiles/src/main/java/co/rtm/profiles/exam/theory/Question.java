package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.LicenceCategory;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One question of the bank: a stable id, its group, the text, its options by key ({@code a}, {@code b}, ...) in
 * the bank's order, the key of the correct option, and the licence categories it is asked of (the ANSV groups
 * topics by licence category, art. 3.7.3.1.1, seed line 2518).
 */
public record Question(String id, QuestionGroup group, String text, Map<String, String> options, String correct,
                       Set<LicenceCategory> categories) {
    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(text, "text");
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        if (options.size() < 2) throw new IllegalArgumentException("question " + id + " needs at least 2 options");
        if (!options.containsKey(correct)) throw new IllegalArgumentException("question " + id + ": correct option '" + correct + "' is not among " + options.keySet());
        if (categories.isEmpty()) throw new IllegalArgumentException("question " + id + " applies to no licence category");
        categories = java.util.Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    public boolean appliesTo(LicenceCategory c) { return categories.contains(c); }
}
