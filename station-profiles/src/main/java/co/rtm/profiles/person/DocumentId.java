package co.rtm.profiles.person;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Colombian identity document: CC (cédula de ciudadanía, digits only) or CE (cédula de extranjería, letters and
 * digits). Written {@code CC-79123456}; the type is read case-insensitively and stored upper-case. One definition for
 * the hub's registry ({@code add-person}) and the lane's inspector login, so a document a lane sends in a LOGIN is
 * one the hub can have registered.
 */
public record DocumentId(String type, String number) {
    private static final Pattern TEXT = Pattern.compile("([A-Za-z]{2})-([A-Za-z0-9]+)");
    private static final Pattern CC = Pattern.compile("[0-9]{3,10}");
    private static final Pattern CE = Pattern.compile("[A-Z0-9]{3,15}");

    public DocumentId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
        Pattern rule = switch (type) {
            case "CC" -> CC;
            case "CE" -> CE;
            default -> throw new IllegalArgumentException("document type must be CC or CE, not '" + type + "'");
        };
        if (!rule.matcher(number).matches()) {
            throw new IllegalArgumentException(type.equals("CC")
                    ? "a CC number is 3 to 10 digits, not '" + number + "'"
                    : "a CE number is 3 to 15 letters or digits, not '" + number + "'");
        }
    }

    /** Parses {@code CC-79123456} or {@code CE-E123456}. */
    public static DocumentId parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a document is TYPE-NUMBER, e.g. CC-79123456, not '" + text + "'");
        }
        return new DocumentId(m.group(1).toUpperCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT));
    }

    public String text() {
        return type + "-" + number;
    }

    @Override
    public String toString() {
        return text();
    }
}
