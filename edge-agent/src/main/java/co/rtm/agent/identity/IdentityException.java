package co.rtm.agent.identity;

/** Why the replica refused an enrolment or a capture; the message is one line a clerk can act on. */
public final class IdentityException extends Exception {

    public enum Reason {
        /** The bytes are no PNG/BMP/JPEG image, or SourceAFIS could not process them. */
        UNREADABLE_IMAGE,
        /** Too few minutiae, an image too small or too large, a resolution out of range: capture again. */
        LOW_QUALITY,
        /** Not an ISO/IEC 19794-2 template, or a malformed one, or not exactly one finger in it. */
        BAD_TEMPLATE,
        /** The document is not TYPE-NUMBER with a known type (CC, CE). */
        UNKNOWN_DOCUMENT,
        /** The document is already enrolled in the replica. */
        DUPLICATE_DOCUMENT,
        /** A required field (the name) is missing. */
        MISSING_FIELD
    }

    private final Reason reason;

    public IdentityException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
