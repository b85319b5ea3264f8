package co.rtm.agent.identity;

import co.rtm.profiles.person.DocumentId;

import java.time.Instant;

/**
 * One row of the civil registry replica: the document, the full name, the SourceAFIS template
 * ({@code FingerprintTemplate.toByteArray()}), the SHA-256 (hex) of the registry photo or null when none came with the
 * record, and when the row was enrolled here.
 */
public record Citizen(DocumentId document, String fullName, byte[] template, String photoSha256, Instant enrolledAt) {}
