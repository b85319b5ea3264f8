package co.rtm.hub.registry;

import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.VerificationKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

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
     * What to provision: {@code profileId} a built-in profile id ({@code cda-light}) or reference ({@code cda-light@1});
     * {@code devicePublicKey} the raw Ed25519 public key (base64url) of a key generated on the device, or null to
     * generate one here; {@code createCenter} whether an absent centre is created (the command) or refused (the API).
     */
    public record Request(String centerId, String stationId, String profileId, String devicePublicKey,
                          boolean createCenter) {
        @Override
        public String toString() {
            return "Request[" + centerId + "/" + stationId + ", " + profileId + "]";
        }
    }

    /**
     * Creates the centre if absent and the station with a key generated here.
     *
     * @param hubKey  the hub's ack-signing key, handed to the station to verify acks and config
     * @param mqttUrl where the station connects, e.g. {@code tcp://127.0.0.1:1883}
     * @throws IllegalArgumentException for an unknown profile, bad ids, or a centre of another kind
     * @throws IllegalStateException    if the station already exists
     */
    public StationBundle provision(String centerId, String stationId, String profileId, VerificationKey hubKey,
                                   String mqttUrl) {
        return provision(new Request(centerId, stationId, profileId, null, true), hubKey, mqttUrl);
    }

    /**
     * Every input is checked before anything is stored, so a refused request leaves nothing behind. With a device
     * key the bundle carries no signing key seed: the private key never leaves the device.
     *
     * @throws InvalidField                      for an unknown profile ({@code kind}), a bad station id ({@code id}),
     *                                           a bad public key ({@code publicKey}), a centre of another kind
     * @throws java.util.NoSuchElementException  if the centre is absent and {@code createCenter} is false
     * @throws IllegalStateException             if the station already exists
     */
    public StationBundle provision(Request r, VerificationKey hubKey, String mqttUrl) {
        Objects.requireNonNull(hubKey, "hubKey");
        Objects.requireNonNull(mqttUrl, "mqttUrl");
        String centerId = r.centerId();
        String stationId = r.stationId();
        StationProfile profile = ProfileRefs.resolve(r.profileId() == null ? "" : r.profileId()).orElseThrow(() -> new InvalidField(
                "kind", "unknown station profile '" + r.profileId() + "' (known: " + String.join(", ", Profiles.BUILT_IN) + ")"));
        try {
            Registry.requireId("station id", stationId);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("id", e);
        }
        if (r.devicePublicKey() != null) {
            try {
                Registry.requireRawEd25519(r.devicePublicKey());
            } catch (IllegalArgumentException e) {
                throw new InvalidField("publicKey", e);
            }
        }
        CenterKind kind = ProfileRefs.centerKindFor(profile);
        Optional<Center> existing = registry.findCenter(centerId);
        if (existing.isPresent() && existing.get().kind() != kind) {
            throw new InvalidField("kind", "centre " + centerId + " is a " + existing.get().kind()
                    + " centre; a " + profile.id() + " station needs a " + kind + " centre");
        }
        if (existing.isEmpty() && !r.createCenter()) {
            throw new NoSuchElementException("no centre " + centerId);
        }
        if (registry.findStation(stationId).isPresent()) {
            throw new IllegalStateException("station " + stationId + " already exists");
        }
        if (existing.isEmpty()) {
            registry.createCenter(centerId, kind, centerId, kind == CenterKind.CALE ? null : centerId);
        }
        NewStation created = registry.createStation(stationId, centerId, profile.ref());
        SigningKey key = r.devicePublicKey() == null ? Ed25519Keys.generate(stationId + "#1") : null;
        StationKey registered = registry.addKey(stationId,
                key == null ? r.devicePublicKey() : key.verificationKey().toBase64Url());
        if (registered.keyVersion() != 1) {
            throw new IllegalStateException("station " + stationId + " got key version " + registered.keyVersion());
        }
        return new StationBundle(StationBundle.FORMAT, centerId, stationId, profile.ref(), registered.keyVersion(),
                key == null ? null : key.seedBase64Url(), hubKey.kid(), hubKey.toBase64Url(),
                new StationBundle.Mqtt(mqttUrl, created.station().mqttUsername(), created.mqttPassword()),
                OffsetDateTime.now(clock));
    }
}
