package co.rtm.agent.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the outbox, as read. {@code payload} is empty for ACKED tombstones.
 * Ack fields are null until the hub's ack arrives.
 */
public record OutboxMessage(
        UUID messageId,
        long seq,
        String topic,
        String type,
        byte[] payload,
        Instant createdAt,
        int attempts,
        Instant lastAttemptAt,
        MessageState state,
        AckInfo.Status ackStatus,
        String ackReason,
        String furNumber,
        String certificateNumber,
        Instant ackedAt) {
}
