package co.rtm.hub.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who made a registry change, as the audit chain records it ({@code "by"} in the entry's detail; DESIGN §8: every
 * supervisor action is audited). A supervisor's user name over the API; {@code cli:<os user>} for the hub commands.
 */
public final class Actors {
    private Actors() {
    }

    /** The actor of a hub command run on the hub's machine. */
    public static String cli() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    static String require(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audited change needs the name of who made it");
        }
        return actor;
    }

    /** {@code detail} with {@code by} added, or unchanged when no actor was named. */
    public static Map<String, ?> stamp(String actor, Map<String, ?> detail) {
        if (actor == null) {
            return detail;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("by", actor);
        out.putAll(detail);
        return out;
    }
}
