package co.rtm.hub.ingest;

import co.rtm.profiles.wire.RejectReason;

/** A check refused the message; carries the reason code for the ack and a detail for the record. No stack trace. */
final class RefusedException extends Exception {
    private final RejectReason reason;

    RefusedException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }

    String detail() {
        return getMessage();
    }
}
