package co.rtm.profiles.wire;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The hub's answer to one station message (topic kind {@code ack}, signed with the hub key):
 * {@code messageId} is the id of the message answered. {@code reason} is present exactly when
 * the status is REJECTED; {@code furNumber} and {@code certificateNumber} only when the message
 * was accepted and earned them; absent members are omitted from the JSON. {@code acceptedAt} is
 * the hub's clock when it decided, whatever the status.
 */
public record Ack(UUID messageId, AckStatus status, RejectReason reason, Long furNumber, Long certificateNumber,
        OffsetDateTime acceptedAt) {

    public Ack {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        if ((status == AckStatus.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException("reason must be present exactly when status is REJECTED");
        }
        if (status == AckStatus.REJECTED && (furNumber != null || certificateNumber != null)) {
            throw new IllegalArgumentException("a REJECTED message gets no number");
        }
        if ((furNumber != null && furNumber < 1) || (certificateNumber != null && certificateNumber < 1)) {
            throw new IllegalArgumentException("numbers start at 1");
        }
    }

    public static Ack accepted(UUID messageId, Long furNumber, Long certificateNumber, OffsetDateTime at) {
        return new Ack(messageId, AckStatus.ACCEPTED, null, furNumber, certificateNumber, at);
    }

    /** The answer to a message already accepted: the same numbers as the first time. */
    public static Ack duplicate(UUID messageId, Long furNumber, Long certificateNumber, OffsetDateTime at) {
        return new Ack(messageId, AckStatus.DUPLICATE, null, furNumber, certificateNumber, at);
    }

    public static Ack rejected(UUID messageId, RejectReason reason, OffsetDateTime at) {
        return new Ack(messageId, AckStatus.REJECTED, Objects.requireNonNull(reason, "reason"), null, null, at);
    }
}
