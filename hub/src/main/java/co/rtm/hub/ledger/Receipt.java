package co.rtm.hub.ledger;

import java.time.Instant;

/** What an accepted result got: its numbers (null where none) and when the hub accepted it. */
public record Receipt(String messageId, long resultId, Long furNumber, CertificateKind certificateKind,
                      Long certificateNumber, Instant acceptedAt) {
}
