package co.rtm.profiles.wire;

import java.util.Locale;

/** The last level of a station topic; its wire name is the lower-case name. */
public enum TopicKind {
    INSPECTION,
    EXAM,
    TRACK,
    EVENT,
    ACK,
    CONFIG,
    STATUS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose wire name is exactly {@code level}; throws {@link IllegalArgumentException} otherwise. */
    public static TopicKind fromWire(String level) {
        for (TopicKind k : values()) {
            if (k.wire().equals(level)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown topic kind: " + Ids.quote(level));
    }
}
