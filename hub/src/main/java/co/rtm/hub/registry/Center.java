package co.rtm.hub.registry;

import java.time.Instant;

/** A registered centre. {@code furSeriesCode} is null for a CALE, which issues no FUR. */
public record Center(String id, CenterKind kind, String name, String furSeriesCode, Instant createdAt) {
}
