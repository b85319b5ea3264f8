package co.rtm.profiles.rules;

import java.util.Collection;

/** Validation helpers for rule records; the loader turns their messages into file:line errors. */
final class Require {
    private Require() {}

    static <T> T present(T value, String field) {
        if (value == null) throw new IllegalArgumentException("'" + field + "' is required");
        if (value instanceof String s && s.isBlank()) throw new IllegalArgumentException("'" + field + "' must not be blank");
        if (value instanceof Collection<?> c && c.isEmpty()) throw new IllegalArgumentException("'" + field + "' must not be empty");
        return value;
    }

    static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
