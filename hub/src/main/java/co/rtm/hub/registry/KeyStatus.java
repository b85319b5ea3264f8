package co.rtm.hub.registry;

/** The life of a station key: the one in use, the one it replaced (for a grace period), or revoked. */
public enum KeyStatus {
    CURRENT, PREVIOUS, REVOKED
}
