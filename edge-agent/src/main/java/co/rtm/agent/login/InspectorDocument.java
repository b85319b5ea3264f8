package co.rtm.agent.login;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inspector's identity document as the hub registers it ({@code add-person}): {@code CC-79123456} (cédula de
 * ciudadanía, 3-10 digits) or {@code CE-E123456} (cédula de extranjería, 3-15 letters or digits). The same rules as
 * the hub's, so a document the agent sends in a LOGIN is one the hub can have registered.
 */
final class InspectorDocument {
    private static final Pattern TEXT = Pattern.compile("([A-Za-z]{2})-([A-Za-z0-9]+)");
    private static final Pattern CC = Pattern.compile("[0-9]{3,10}");
    private static final Pattern CE = Pattern.compile("[A-Z0-9]{3,15}");

    private InspectorDocument() {
    }

    /**
     * The document in its canonical form (type upper-case, number upper-case).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static String canonical(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a document is TYPE-NUMBER, e.g. CC-79123456, not '" + text + "'");
        }
        String type = m.group(1).toUpperCase(Locale.ROOT);
        String number = m.group(2).toUpperCase(Locale.ROOT);
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
        return type + "-" + number;
    }
}
