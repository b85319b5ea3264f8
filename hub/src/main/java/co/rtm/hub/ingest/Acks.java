package co.rtm.hub.ingest;

import co.rtm.hub.exam.ExamReasons;
import co.rtm.hub.ledger.Outcome;
import co.rtm.hub.ledger.Receipt;
import co.rtm.hub.ledger.RefusalReasons;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.SigningKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The hub's answers: an {@link Ack} per outcome, signed with the hub key (typ {@code ack}). */
final class Acks {
    private final SigningKey hubKey;

    Acks(SigningKey hubKey) {
        this.hubKey = hubKey;
    }

    /** A duplicate repeats the numbers and acceptance time of the first acceptance. */
    static Ack of(UUID messageId, Outcome outcome, Instant now) {
        if (outcome instanceof Outcome.Accepted a) {
            Receipt r = a.receipt();
            return Ack.accepted(messageId, r.furNumber(), r.certificateNumber(), at(r.acceptedAt()));
        }
        if (outcome instanceof Outcome.Duplicate d) {
            Receipt r = d.receipt();
            return Ack.duplicate(messageId, r.furNumber(), r.certificateNumber(), at(r.acceptedAt()));
        }
        Outcome.Refused refused = (Outcome.Refused) outcome;
        return Ack.rejected(messageId, reason(refused.reasonCode()), at(now));
    }

    static Ack accepted(UUID messageId, Instant now) {
        return Ack.accepted(messageId, null, null, at(now));
    }

    static Ack duplicate(UUID messageId, Instant now) {
        return Ack.duplicate(messageId, null, null, at(now));
    }

    byte[] sign(Ack ack) {
        return Envelope.sign(Json.write(ack), "ack", hubKey);
    }

    /** The wire reason for a stored reason code; the ledger's own codes map onto the contract's. */
    static RejectReason reason(String code) {
        if (RefusalReasons.CENTER_MISMATCH.equals(code)) {
            return RejectReason.TOPIC_MISMATCH;
        }
        if (ExamReasons.examOnly(code)) {
            return RejectReason.EXAM_NOT_ELIGIBLE;
        }
        try {
            return RejectReason.valueOf(code);
        } catch (IllegalArgumentException e) {
            return RejectReason.MALFORMED_PAYLOAD;
        }
    }

    /** Acks carry Bogotá time, like the stations' own clocks. */
    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, Scorer.BOGOTA);
    }
}
