package co.rtm.hub.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * The RUNT password rule for people (DESIGN §8): at least 10 characters, with an upper-case letter, a digit and a
 * special character (anything that is neither a letter, a digit nor white space).
 */
public final class PasswordRule {
    public static final int MIN_LENGTH = 10;

    private PasswordRule() {
    }

    /** What the password lacks, in words; empty when it follows the rule. */
    public static List<String> missing(String password) {
        List<String> missing = new ArrayList<>();
        String p = password == null ? "" : password;
        if (p.codePointCount(0, p.length()) < MIN_LENGTH) {
            missing.add("at least " + MIN_LENGTH + " characters");
        }
        if (p.codePoints().noneMatch(Character::isUpperCase)) {
            missing.add("an upper-case letter");
        }
        if (p.codePoints().noneMatch(Character::isDigit)) {
            missing.add("a digit");
        }
        if (p.codePoints().noneMatch(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c))) {
            missing.add("a special character");
        }
        return missing;
    }

    /** @throws WeakPasswordException naming everything the password lacks */
    public static void check(String password) {
        List<String> missing = missing(password);
        if (!missing.isEmpty()) {
            throw new WeakPasswordException(missing);
        }
    }
}
