package co.rtm.sim.load;

import co.rtm.hub.home.HubHome;
import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.registry.Provisioning;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.VerificationKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A hub already serving ({@code hub serve}): the load's lanes connect to its broker, and their stations are
 * registered in its registry through its data directory (and its database, when that is not the directory's SQLite
 * file), as {@code hub provision-station} does; the running hub admits them at once. Its broker admits one hub client,
 * the hub itself, so there is no baseline echo client, and its counters live in its own process.
 */
final class RunningHub implements LoadTarget {
    private final String url;
    private final Database db;
    private final Registry registry;
    private final VerificationKey hubKey;

    private RunningHub(String url, Database db, Registry registry, VerificationKey hubKey) {
        this.url = url;
        this.db = db;
        this.registry = registry;
        this.hubKey = hubKey;
    }

    /**
     * @throws IllegalArgumentException if {@code dataDir} is not an initialised hub data directory
     */
    static RunningHub open(String url, Path dataDir, String jdbcUrl) throws IOException {
        if (!Files.exists(dataDir.resolve(HubHome.HUB_KEY_FILE))) {
            throw new IllegalArgumentException(dataDir + " is not a hub data directory (no " + HubHome.HUB_KEY_FILE
                    + "); give --data the running hub's own");
        }
        VerificationKey hubKey = HubHome.open(dataDir).hubKey().verificationKey();
        Database db = jdbcUrl == null ? Database.openDefault(dataDir) : Database.open(jdbcUrl);
        return new RunningHub(url, db, new Registry(db, Clock.systemUTC()), hubKey);
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public StationBundle provision(String centerId, String stationId, String profileId) {
        return new Provisioning(registry, Clock.systemUTC()).provision(centerId, stationId, profileId, hubKey, url);
    }

    @Override
    public void registerRules(String centerId, String stationId, int capacityPerHour, String inspector) {
        LoadTarget.registerRules(registry, db, centerId, stationId, capacityPerHour, inspector);
    }

    @Override
    public long lanesOf(String centerId) {
        return LoadTarget.lanesOf(db, centerId);
    }

    @Override
    public Optional<byte[]> echoPassword() {
        return Optional.empty();
    }

    @Override
    public Optional<IngestCounts> counters() {
        return Optional.empty();
    }

    @Override
    public void close() {
        db.close();
    }
}
