package co.rtm.sim.load;

import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.broker.EmbeddedBroker;
import co.rtm.hub.broker.Principal;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.registry.Registry;
import co.rtm.profiles.wire.StationBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real hub (database, registry, ledger, ingestion) on an embedded broker this class starts itself.
 *
 * <p>Why not {@code HubServer.start(HubConfig.embedded(..))}: the baseline round trip needs a second client with the
 * hub's topic rights (read a station topic, write that station's ack topic), and the hub's own authenticator admits
 * exactly one such client, the hub itself. So the broker here admits, besides the registered stations
 * (same credential checks as the hub's), one extra hub principal {@value #ECHO_USER} with a random password that
 * lives only in this process. The hub attaches to this broker in-process, as it does to its own
 * ({@code HubServer.start(config, broker)}), so the load measures the path {@code hub serve} runs.
 */
final class InProcessHub implements LoadTarget {
    static final String ECHO_USER = "bench-echo";
    private static final String HUB_USER = HubConfig.DEFAULT_INSTANCE_ID;

    private final EmbeddedBroker broker;
    private final HubServer hub;
    private final byte[] echoPassword;

    private InProcessHub(EmbeddedBroker broker, HubServer hub, byte[] echoPassword) {
        this.broker = broker;
        this.hub = hub;
        this.echoPassword = echoPassword;
    }

    /** Initialises {@code dataDir} unless it already holds a hub, then starts broker and hub on a free port. */
    static InProcessHub start(Path dataDir) throws IOException {
        if (!Files.exists(dataDir.resolve(HubHome.HUB_KEY_FILE))) {
            HubHome.init(dataDir);
        }
        HubHome home = HubHome.open(dataDir);
        byte[] echoPassword = randomPassword();
        AtomicReference<Registry> registry = new AtomicReference<>();
        EmbeddedBroker broker = EmbeddedBroker.start(home.brokerDir(), 0, (username, password) -> {
            if (username.equals(ECHO_USER) && MessageDigest.isEqual(password, echoPassword)) {
                return Optional.of(new Principal.Hub(ECHO_USER));
            }
            Registry r = registry.get();
            return r == null ? Optional.empty()
                    : r.checkMqttCredentials(username, new String(password, StandardCharsets.UTF_8))
                            .map(s -> new Principal.Station(s.centerId(), s.id()));
        });
        try {
            HubServer hub = HubServer.start(new HubConfig(dataDir, 0, null, null, HUB_USER), broker);
            registry.set(hub.registry());
            return new InProcessHub(broker, hub, echoPassword);
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
    }

    private static byte[] randomPassword() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public StationBundle provision(String centerId, String stationId, String profileId) {
        return hub.provision(centerId, stationId, profileId);
    }

    @Override
    public String url() {
        return broker.url();
    }

    @Override
    public void registerRules(String centerId, String stationId, int capacityPerHour, String inspector) {
        LoadTarget.registerRules(hub.registry(), hub.database(), centerId, stationId, capacityPerHour, inspector);
    }

    @Override
    public long lanesOf(String centerId) {
        return LoadTarget.lanesOf(hub.database(), centerId); // --data may hold an earlier load's hub
    }

    @Override
    public Optional<byte[]> echoPassword() {
        return Optional.of(echoPassword.clone());
    }

    @Override
    public Optional<IngestCounts> counters() {
        return Optional.of(hub.counters());
    }

    @Override
    public void close() {
        try {
            hub.close();
        } finally {
            broker.stop();
        }
    }
}
