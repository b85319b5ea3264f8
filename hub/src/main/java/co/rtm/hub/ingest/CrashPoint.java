package co.rtm.hub.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A test hook for the worst instant of DESIGN §8: the outcome is committed but neither the ack nor the MQTT
 * PUBACK has left. With the system property {@value #PROPERTY} set to N, the JVM halts (no shutdown hooks, like
 * {@code kill -9}) right after the commit that brings the committed messages to N or more. Off by default.
 */
final class CrashPoint {
    static final String PROPERTY = "rtm.hub.haltAfterCommittedMessages";

    private static final long AFTER = Long.getLong(PROPERTY, 0L);
    private static final AtomicLong COMMITTED = new AtomicLong();

    private CrashPoint() {}

    static void committed(int messages) {
        if (AFTER > 0 && COMMITTED.addAndGet(messages) >= AFTER) {
            System.err.println("halting after commit: " + PROPERTY + "=" + AFTER);
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
