package co.rtm.profiles.wire;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The one file {@code hub provision-station} writes and {@code edge-agent run --bundle} imports (DESIGN §3):
 * the station's identity and profile, its Ed25519 signing key (seed, base64url) and key version, the hub's
 * public key to verify acks and config, the MQTT credentials, and (optional) the broker's TLS trust and the
 * station's client certificate. It holds private keys: keep it 0600. {@code signingKeySeed} is null when the station's
 * key was generated on the device and only its public half was registered (the private key never left the device).
 */
public record StationBundle(String format, String centerId, String stationId, String profile, int keyVersion,
                            String signingKeySeed, String hubKeyId, String hubPublicKey, Mqtt mqtt,
                            OffsetDateTime createdAt, Tls tls) {
    public static final String FORMAT = "rtm-station-bundle/1";

    /**
     * The broker's TLS, PEM text: the hub's broker CA certificate the station trusts (and nothing else),
     * and optionally the station's client certificate (CN = station id) and its PKCS#8 private key, which
     * then replace the password at the broker. Absent from bundles made before the hub had a CA.
     */
    public record Tls(String caCertificate, String clientCertificate, String clientKey) {
        public Tls {
            Objects.requireNonNull(caCertificate, "tls.caCertificate");
            if ((clientCertificate == null) != (clientKey == null)) {
                throw new IllegalArgumentException("tls.clientCertificate and tls.clientKey go together");
            }
        }

        public boolean hasClientCertificate() { return clientCertificate != null; }
    }

    /** A bundle without TLS material (as written before the hub had a broker CA). */
    public StationBundle(String format, String centerId, String stationId, String profile, int keyVersion,
                         String signingKeySeed, String hubKeyId, String hubPublicKey, Mqtt mqtt, OffsetDateTime createdAt) {
        this(format, centerId, stationId, profile, keyVersion, signingKeySeed, hubKeyId, hubPublicKey, mqtt, createdAt, null);
    }

    /** This bundle carrying {@code tls} (null for none). */
    public StationBundle withTls(Tls tls) {
        return new StationBundle(format, centerId, stationId, profile, keyVersion, signingKeySeed, hubKeyId, hubPublicKey,
                mqtt, createdAt, tls);
    }

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
        Objects.requireNonNull(hubKeyId, "hubKeyId");
        Objects.requireNonNull(hubPublicKey, "hubPublicKey");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The station's key id as carried in the JWS header: {@code stationId#keyVersion}. */
    public String keyId() { return stationId + "#" + keyVersion; }

    /** @throws IllegalStateException for a bundle made for a key generated on the device */
    public SigningKey signingKey() {
        if (signingKeySeed == null) {
            throw new IllegalStateException("bundle of station " + stationId + " carries no signing key: its key "
                    + keyId() + " was generated on the device");
        }
        return Ed25519Keys.signingKey(keyId(), signingKeySeed);
    }

    public VerificationKey hubKey() { return Ed25519Keys.verificationKey(hubKeyId, hubPublicKey); }
}
