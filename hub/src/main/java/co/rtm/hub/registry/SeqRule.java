package co.rtm.hub.registry;

/**
 * Replay protection: a station's seq is strictly increasing over everything the hub accepted from
 * it, across restarts; late results buffered offline still arrive in seq order.
 */
public final class SeqRule {
    private SeqRule() {
    }

    /** Whether {@code seq} may be accepted after {@code lastAccepted} (null: nothing accepted yet). */
    public static boolean isNew(Long lastAccepted, long seq) {
        return lastAccepted == null || seq > lastAccepted;
    }
}
