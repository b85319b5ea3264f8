package co.rtm.hub.ledger;

/** What recording a message came to; maps one-to-one onto the ack status. */
public sealed interface Outcome {
    /** Newly accepted and numbered (ack ACCEPTED). */
    record Accepted(Receipt receipt) implements Outcome {
    }

    /** Accepted before; the same numbers again (ack DUPLICATE). */
    record Duplicate(Receipt receipt) implements Outcome {
    }

    /** Stored as refusal {@code refusalId} (ack REJECTED with the reason code). */
    record Refused(long refusalId, String messageId, String reasonCode, String detail) implements Outcome {
    }
}
