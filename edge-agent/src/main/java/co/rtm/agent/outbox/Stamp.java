package co.rtm.agent.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The identity the outbox gives a message while appending it: the fields every signed message
 * carries (DESIGN §3) that only the outbox can allocate safely. The caller writes them into the
 * payload and signs it inside {@link Outbox#append}.
 *
 * @param messageId fresh random UUID; the hub de-duplicates on it
 * @param seq       per-station sequence number, strictly increasing, never reused, survives restarts
 * @param bootId    identifies this process start ({@link BootId#current()})
 * @param createdAt the station's clock, with its offset, truncated to milliseconds
 */
public record Stamp(UUID messageId, long seq, UUID bootId, OffsetDateTime createdAt) {
}
