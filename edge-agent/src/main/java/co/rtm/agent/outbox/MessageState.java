package co.rtm.agent.outbox;

/**
 * Where a stored message is in its life. The only transitions are
 * {@code PENDING -> SENT} (the broker's PUBACK was seen), {@code SENT -> PENDING} (no hub ack
 * within the ack timeout, so it will be published again), and {@code PENDING|SENT -> ACKED|REJECTED}
 * (the hub's signed ack arrived). {@code ACKED} and {@code REJECTED} are final.
 */
public enum MessageState {
    /** Stored, waiting to be published (for the first time or again). */
    PENDING,
    /** Published and PUBACKed by the broker; waiting for the hub's ack. */
    SENT,
    /** The hub answered ACCEPTED or DUPLICATE. Kept only as a tombstone, without its payload. */
    ACKED,
    /** The hub answered REJECTED. Kept, with its payload and the hub's reason, until an operator dismisses it. */
    REJECTED;

    boolean isFinal() {
        return this == ACKED || this == REJECTED;
    }
}
