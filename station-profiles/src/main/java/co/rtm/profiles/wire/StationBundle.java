package co.rtm.profiles.wire;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The one file {@code hub provision-station} writes and {@code edge-agent run --bundle} imports (DESIGN §3):
 * the station's identity and profile, its Ed25519 signing key (seed, base64url) and key version, the hub's
 * public key to verify acks and config, and the MQTT credentials. It holds a private key: keep it 0600.
 */
public record StationBundle(String format, String centerId, String stationId, String profile, int keyVersion,
                            String signingKeySeed, String hubKeyId, String hubPublicKey, Mqtt mqtt,
                            OffsetDateTime createdAt) {
    public static final String FORMAT = "rtm-station-bundle/1";

    /** Where and how the station connects: broker URL (tcp:// or ssl://), username (the station id), password. */
    public record Mqtt(String url, String username, String password) {
        public Mqtt {
            Objects.requireNonNull(url, "mqtt.url");
            Objects.requireNonNull(username, "mqtt.username");
            Objects.requireNonNull(password, "mqtt.password");
        }
    }

    public StationBundle {
        if (!FORMAT.equals(format)) throw new IllegalArgumentException("not a station bundle (format " + format + ", expected " + FORMAT + ")");
        Ids.requireSafe(centerId, "centerId");
        Ids.requireSafe(stationId, "stationId");
        Objects.requireNonNull(profile, "profile");
        if (keyVersion < 1) throw new IllegalArgumentException("keyVersion must be >= 1");
        Objects.requireNonNull(signingKeySeed, "signingKeySeed");
        Objects.requireNonNull(hubKeyId, "hubKeyId");
        Objects.requireNonNull(hubPublicKey, "hubPublicKey");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The station's key id as carried in the JWS header: {@code stationId#keyVersion}. */
    public String keyId() { return stationId + "#" + keyVersion; }

    public SigningKey signingKey() { return Ed25519Keys.signingKey(keyId(), signingKeySeed); }

    public VerificationKey hubKey() { return Ed25519Keys.verificationKey(hubKeyId, hubPublicKey); }
}
