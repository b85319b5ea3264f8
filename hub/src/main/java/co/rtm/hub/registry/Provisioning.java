package co.rtm.hub.registry;

import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.VerificationKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Creates a station and everything it needs to talk to the hub (DESIGN §3, Provisioning): its
 * centre if absent, the station on its profile, an Ed25519 key pair (version 1, public half
 * registered) and MQTT credentials, returned as the one bundle file the agent imports.
 *
 * <p>The centre, the station and the key are three registry transactions: if the last one fails
 * the station exists without a key and cannot be provisioned again under the same id.
 */
public final class Provisioning {
    private final Registry registry;
    private final Clock clock;

    public Provisioning(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * @param profileId a built-in profile id ({@code cda-light}) or reference ({@code cda-light@1})
     * @param hubKey    the hub's ack-signing key, handed to the station to verify acks and config
     * @param mqttUrl   where the station connects, e.g. {@code tcp://127.0.0.1:1883}
     * @throws IllegalArgumentException for an unknown profile, bad ids, or a centre of another kind
     * @throws IllegalStateException    if the station already exists
     */
    public StationBundle provision(String centerId, String stationId, String profileId, VerificationKey hubKey,
                                   String mqttUrl) {
        Objects.requireNonNull(hubKey, "hubKey");
        Objects.requireNonNull(mqttUrl, "mqttUrl");
        StationProfile profile = ProfileRefs.resolve(profileId).orElseThrow(() -> new IllegalArgumentException(
                "unknown station profile '" + profileId + "' (known: " + String.join(", ", Profiles.BUILT_IN) + ")"));
        CenterKind kind = ProfileRefs.centerKindFor(profile);
        registry.findCenter(centerId).ifPresentOrElse(existing -> {
            if (existing.kind() != kind) {
                throw new IllegalArgumentException("centre " + centerId + " is a " + existing.kind()
                        + " centre; a " + profile.id() + " station needs a " + kind + " centre");
            }
        }, () -> registry.createCenter(centerId, kind, centerId, kind == CenterKind.CALE ? null : centerId));
        NewStation created = registry.createStation(stationId, centerId, profile.ref());
        SigningKey key = Ed25519Keys.generate(stationId + "#1");
        StationKey registered = registry.addKey(stationId, key.verificationKey().toBase64Url());
        if (registered.keyVersion() != 1) {
            throw new IllegalStateException("station " + stationId + " got key version " + registered.keyVersion());
        }
        return new StationBundle(StationBundle.FORMAT, centerId, stationId, profile.ref(), registered.keyVersion(),
                key.seedBase64Url(), hubKey.kid(), hubKey.toBase64Url(),
                new StationBundle.Mqtt(mqttUrl, created.station().mqttUsername(), created.mqttPassword()),
                OffsetDateTime.now(clock));
    }
}
