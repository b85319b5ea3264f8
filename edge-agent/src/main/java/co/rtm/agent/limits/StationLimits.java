package co.rtm.agent.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.rtm.agent.uplink.ConfigListener;
import co.rtm.profiles.config.StationConfig;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EnvelopeException;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.VerificationKey;

/**
 * The limits the hub sent this station: the newest valid {@link StationConfig}. A config is taken only when it is a
 * JWS envelope of {@code typ} {@code config}, signed by the hub key of the bundle, for this centre and station, and
 * newer (higher version) than the one kept; anything else is logged and changes nothing. The signed envelope is kept
 * in the data dir ({@value #FILE_NAME}) and verified again at start, so a restart without network still knows the
 * limits. Thread-safe.
 */
public final class StationLimits implements ConfigListener {
    public static final String FILE_NAME = "station-config.jws";
    private static final Logger LOG = LoggerFactory.getLogger(StationLimits.class);

    private final Path file;
    private final VerificationKey hubKey;
    private final String centerId;
    private final String stationId;
    private volatile StationConfig current;

    private StationLimits(Path file, VerificationKey hubKey, String centerId, String stationId) {
        this.file = file;
        this.hubKey = Objects.requireNonNull(hubKey, "hubKey");
        this.centerId = Objects.requireNonNull(centerId, "centerId");
        this.stationId = Objects.requireNonNull(stationId, "stationId");
    }

    /** With the config kept in {@code dataDir}, if there is a valid one. */
    public static StationLimits open(Path dataDir, VerificationKey hubKey, String centerId, String stationId) {
        StationLimits limits = new StationLimits(dataDir.resolve(FILE_NAME), hubKey, centerId, stationId);
        if (Files.exists(limits.file)) {
            try {
                limits.verify(Files.readAllBytes(limits.file)).ifPresent(c -> {
                    limits.current = c;
                    LOG.info("limits from the hub's config {} kept in {}", c.version(), limits.file);
                });
            } catch (IOException e) {
                LOG.warn("cannot read {}: {}", limits.file, e.toString());
            }
        }
        return limits;
    }

    /** The config in force, or empty before the hub sent one (then nothing is held: the hub decides). */
    public Optional<StationConfig> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public void onConfig(byte[] payload) {
        offer(payload);
    }

    /** Takes {@code envelope} if it is a valid, newer config for this station; returns whether it was taken. */
    public synchronized boolean offer(byte[] envelope) {
        Optional<StationConfig> verified = verify(envelope);
        if (verified.isEmpty()) {
            return false;
        }
        StationConfig config = verified.get();
        StationConfig kept = current;
        if (kept != null && config.version() <= kept.version()) {
            if (config.version() < kept.version()) {
                LOG.warn("ignored config {}: older than config {} in force", config.version(), kept.version());
            }
            return false;
        }
        save(envelope);
        current = config;
        LOG.info("config {} from the hub in force: active {}, capacity {}/h, hours {}, accredited until {}",
                config.version(), config.active(), config.capacityPerHour(),
                config.hours() == null ? "not registered" : config.hours().days(), config.accreditedUntil());
        return true;
    }

    private Optional<StationConfig> verify(byte[] envelope) {
        try {
            Envelope e = Envelope.parse(envelope);
            if (!StationConfig.TYPE.equals(e.header().typ())) {
                return refuse("typ is " + e.header().typ() + ", not " + StationConfig.TYPE);
            }
            if (!hubKey.kid().equals(e.header().kid())) {
                return refuse("signed with key " + e.header().kid() + ", expected the hub key " + hubKey.kid());
            }
            if (!e.verify(hubKey)) {
                return refuse("signature does not verify under " + hubKey.kid());
            }
            StationConfig config = Json.read(e.payload(), StationConfig.class);
            if (!config.centerId().equals(centerId) || !config.stationId().equals(stationId)) {
                return refuse("it is for " + config.centerId() + "/" + config.stationId() + ", this is "
                        + centerId + "/" + stationId);
            }
            return Optional.of(config);
        } catch (EnvelopeException ex) {
            return refuse("not a signed envelope: " + ex.getMessage());
        } catch (IOException ex) {
            return refuse("signed payload is not a config: " + ex.getMessage());
        } catch (RuntimeException ex) {
            return refuse("cannot read: " + ex);
        }
    }

    private void save(byte[] envelope) {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.write(tmp, envelope);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("config in force but not kept in {} (a restart forgets it): {}", file, e.toString());
        }
    }

    private static Optional<StationConfig> refuse(String why) {
        LOG.warn("refused a config: {}; the previous limits stay", why);
        return Optional.empty();
    }
}
