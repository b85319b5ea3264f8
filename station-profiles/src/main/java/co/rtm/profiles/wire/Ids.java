package co.rtm.profiles.wire;

import java.util.regex.Pattern;

/**
 * Identifiers that travel as MQTT topic levels and inside key ids: centre, station and boot ids.
 * They must be non-empty, at most 64 characters of {@code [A-Za-z0-9_-]}, so they can never
 * contain a level separator or a wildcard ({@code / + #}) nor the {@code #} of a key id.
 */
public final class Ids {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Ids() {
    }

    public static boolean isSafe(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /** Returns {@code id}, or throws {@link IllegalArgumentException} naming {@code what}. */
    public static String requireSafe(String id, String what) {
        if (!isSafe(id)) {
            throw new IllegalArgumentException(what + " must match [A-Za-z0-9_-]{1,64}: " + quote(id));
        }
        return id;
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return '"' + cut + '"';
    }
}
