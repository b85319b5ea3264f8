package co.rtm.profiles.wire;

import java.util.Map;
import java.util.Optional;

/**
 * A lane's biometric login or logout ({@link EventType#LOGIN}, {@link EventType#LOGOUT}) as a {@link StationEvent}:
 * the biometric match happens at the lane, which publishes who logged in or out; {@code detail.document} is that
 * person's identity document, {@code "CC-79123456"} (type CC or CE, a hyphen, the number). The event's
 * {@code createdAt} is the instant of the login or logout.
 */
public final class LoginEvents {
    /** The detail key holding the document. */
    public static final String DOCUMENT = "document";

    private LoginEvents() {
    }

    public static StationEvent login(MessageHeader h, String document) {
        return StationEvent.of(h, EventType.LOGIN, Map.of(DOCUMENT, document));
    }

    public static StationEvent logout(MessageHeader h, String document) {
        return StationEvent.of(h, EventType.LOGOUT, Map.of(DOCUMENT, document));
    }

    public static boolean isLogin(StationEvent e) {
        return e.type() == EventType.LOGIN || e.type() == EventType.LOGOUT;
    }

    /** The document a login or logout names, as sent; empty when absent or not text. */
    public static Optional<String> document(StationEvent e) {
        Object value = e.detail().get(DOCUMENT);
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
