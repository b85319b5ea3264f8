package co.rtm.profiles.wire;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A station event (topic kind {@code event}): boot, biometric login/logout, calibration,
 * metrological verification, instrument fault. {@code detail} is free-form JSON (strings,
 * numbers, booleans, lists, objects; no nulls), in the order it was written.
 */
public record StationEvent(UUID messageId, String centerId, String stationId, long seq, String bootId,
        OffsetDateTime createdAt, EventType type, Map<String, Object> detail) implements StationMessage {

    public StationEvent {
        new MessageHeader(messageId, centerId, stationId, seq, bootId, createdAt);
        Objects.requireNonNull(type, "type");
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        if (detail != null) {
            detail.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "detail key"),
                    Objects.requireNonNull(v, () -> "detail." + k + " is null")));
        }
        detail = Collections.unmodifiableMap(copy);
    }

    public static StationEvent of(MessageHeader h, EventType type, Map<String, ?> detail) {
        return new StationEvent(h.messageId(), h.centerId(), h.stationId(), h.seq(), h.bootId(), h.createdAt(),
                type, detail == null ? null : new LinkedHashMap<>(detail));
    }
}
