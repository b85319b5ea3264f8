package co.rtm.hub.ledger;

import java.time.Instant;

/**
 * One entry of the audit log. {@code detail} is JSON text and is hashed exactly as stored;
 * hashes are lower-case hex SHA-256.
 */
public record AuditEntry(long id, Instant at, String kind, String subject, String detail, String prevHash, String hash) {
}
