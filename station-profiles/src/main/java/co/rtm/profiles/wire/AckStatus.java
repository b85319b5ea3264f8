package co.rtm.profiles.wire;

/** The outcome the hub reports for one message. */
public enum AckStatus {
    ACCEPTED,
    /** The messageId was already accepted; the original outcome is repeated, nothing changed. */
    DUPLICATE,
    REJECTED
}
