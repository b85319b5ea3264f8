package co.rtm.agent.outbox;

/** What {@link Outbox#confirm} did with an ack. */
public enum ConfirmOutcome {
    /** ACCEPTED or DUPLICATE: the message is now ACKED. */
    ACKED,
    /** REJECTED: the message is kept in state REJECTED with the hub's reason. */
    REJECTED,
    /** The message was already ACKED or REJECTED; the first final answer stands. */
    ALREADY_FINAL,
    /** No such message here (already purged, or not ours); nothing changed. */
    UNKNOWN
}
