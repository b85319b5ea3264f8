package co.rtm.profiles.wire;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The members every signed station message carries, flat at the top of its JSON:
 * {@code messageId}, {@code centerId}, {@code stationId}, {@code seq} (per station, strictly
 * increasing from 1, surviving restarts), {@code bootId} and {@code createdAt} (station clock,
 * ISO-8601 with the station's own offset, kept as written).
 */
public record MessageHeader(UUID messageId, String centerId, String stationId, long seq, String bootId,
        OffsetDateTime createdAt) {

    public MessageHeader {
        Objects.requireNonNull(messageId, "messageId");
        Ids.requireSafe(centerId, "centerId");
        Ids.requireSafe(stationId, "stationId");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1: " + seq);
        }
        Ids.requireSafe(bootId, "bootId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
