package co.rtm.hub.supervision;

import java.util.Locale;

/** What a supervisor account may do through the REST API. */
public enum Role {
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** Reads everything and acknowledges alerts. */
    SUPERVISOR,
    /** Everything a supervisor may do, and manages accounts. */
    ADMIN;

    public boolean mayAcknowledge() {
        return this != AUDITOR;
    }

    public boolean mayManageUsers() {
        return this == ADMIN;
    }

    /** {@code supervisor}, {@code auditor} or {@code admin}, any case. */
    public static Role parse(String text) {
        if (text != null) {
            for (Role r : values()) {
                if (r.name().equalsIgnoreCase(text.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role must be supervisor, auditor or admin, not " + text);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
