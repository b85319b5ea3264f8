package co.rtm.agent.outbox;

import java.util.UUID;

/** A random UUID chosen once per process start, carried as {@code bootId} in every message. */
public final class BootId {
    private static final UUID CURRENT = UUID.randomUUID();

    private BootId() {
    }

    /** The same value for the whole life of this JVM; a different one after every restart. */
    public static UUID current() {
        return CURRENT;
    }
}
