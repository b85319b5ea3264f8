package co.rtm.hub.registry;

import java.time.Instant;
import java.util.Base64;

/**
 * A station's Ed25519 public key: raw 32 bytes, base64url without padding. {@code notAfter} bounds a
 * PREVIOUS key's grace period.
 */
public record StationKey(String stationId, int keyVersion, String publicKey, KeyStatus status, Instant notAfter,
                         Instant createdAt) {

    /** Whether a message signed with this key may be accepted at {@code instant}. */
    public boolean usableAt(Instant instant) {
        return switch (status) {
            case CURRENT -> true;
            case PREVIOUS -> notAfter != null && !instant.isAfter(notAfter);
            case REVOKED -> false;
        };
    }

    /** The key id used in the envelope's protected header, {@code <stationId>#<keyVersion>}. */
    public String kid() {
        return stationId + "#" + keyVersion;
    }

    public byte[] rawPublicKey() {
        return Base64.getUrlDecoder().decode(publicKey);
    }
}
