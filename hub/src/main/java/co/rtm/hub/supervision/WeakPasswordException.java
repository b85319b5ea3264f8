package co.rtm.hub.supervision;

import java.util.List;

/** A password that does not follow {@link PasswordRule}; the message names what it lacks. */
public final class WeakPasswordException extends IllegalArgumentException {
    private final transient List<String> missing;

    public WeakPasswordException(List<String> missing) {
        super("password does not follow the RUNT rule: it needs " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
