package co.rtm.hub.registry;

import java.time.Instant;

/**
 * A registered lane or exam station. {@code lastSeq} is the highest seq accepted from it, or null
 * before the first accepted message.
 */
public record Station(String id, String centerId, String profileId, boolean active, String mqttUsername,
                      Long lastSeq, Instant createdAt) {
}
