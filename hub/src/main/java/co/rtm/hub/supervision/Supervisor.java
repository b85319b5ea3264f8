package co.rtm.hub.supervision;

import java.time.Instant;

/** A supervisor account (the password hash stays in the database). */
public record Supervisor(String name, Role role, Instant createdAt, Instant passwordChangedAt) {
}
