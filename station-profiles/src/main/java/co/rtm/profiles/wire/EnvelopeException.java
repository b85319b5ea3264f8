package co.rtm.profiles.wire;

/**
 * An envelope that cannot be parsed, with the precise reason. Every reason is answered on the
 * wire as {@link RejectReason#MALFORMED_ENVELOPE}; the detailed one is for the refusal log.
 */
public final class EnvelopeException extends Exception {

    /** Why an envelope was refused before any signature check. */
    public enum Reason {
        /** Larger than {@link Envelope#MAX_BYTES}. */
        TOO_LARGE,
        /** Not well-formed JSON, or data after the top-level value. */
        NOT_JSON,
        /** The top-level value is not a JSON object. */
        NOT_AN_OBJECT,
        /** {@code protected}, {@code payload} or {@code signature} absent. */
        MISSING_MEMBER,
        DUPLICATE_MEMBER,
        /** Any other top-level member, including an unprotected {@code header}. */
        UNEXPECTED_MEMBER,
        MEMBER_NOT_STRING,
        /** A member that is not canonical unpadded base64url. */
        BAD_BASE64URL,
        EMPTY_PAYLOAD,
        /** The decoded protected header is not JSON. */
        HEADER_NOT_JSON,
        /** The decoded protected header is JSON but not an object. */
        HEADER_NOT_OBJECT,
        /** {@code alg}, {@code kid} or {@code typ} absent, or not a string. */
        MISSING_HEADER_PARAM,
        DUPLICATE_HEADER_PARAM,
        /** A header parameter other than {@code alg}, {@code kid}, {@code typ}, {@code crit}. */
        UNEXPECTED_HEADER_PARAM,
        /** A {@code crit} header: no extension is understood, so it must be refused (RFC 7515 §4.1.11). */
        UNSUPPORTED_CRITICAL_HEADER,
        /** {@code alg} other than {@code EdDSA} (including {@code none}). */
        UNSUPPORTED_ALG,
        /** {@code kid} not of the form {@code <ownerId>#<version>}. */
        BAD_KID,
        BAD_TYP,
        /** A signature that is not 64 bytes. */
        BAD_SIGNATURE_LENGTH
    }

    private final Reason reason;

    EnvelopeException(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason code to put in the REJECTED ack. */
    public RejectReason rejectReason() {
        return RejectReason.MALFORMED_ENVELOPE;
    }
}
