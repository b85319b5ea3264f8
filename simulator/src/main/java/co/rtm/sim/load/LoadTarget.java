package co.rtm.sim.load;

import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.registry.CenterClass;
import co.rtm.hub.registry.CenterRules;
import co.rtm.hub.registry.OpeningHoursText;
import co.rtm.hub.registry.People;
import co.rtm.hub.registry.PersonRole;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.StationBundle;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** The hub a load runs against: one it starts in this process ({@link InProcessHub}) or a running one ({@link RunningHub}). */
interface LoadTarget extends AutoCloseable {
    /** The broker URL the load's lanes connect to. */
    String url();

    /** Registers a lane (and its centre when new) in the hub's registry; the bundle points at {@link #url()}. */
    StationBundle provision(String centerId, String stationId, String profileId);

    /**
     * Turns every ledger rule on for a load centre and lane without refusing the load's results: class B, open
     * around the clock every day, accredited, a capacity per hour as large as the whole load, {@code inspector}
     * registered (so a LOGIN event is required).
     */
    void registerRules(String centerId, String stationId, int capacityPerHour, String inspector);

    /** How many lanes {@code centerId} has already: one per earlier load on this hub's data. */
    long lanesOf(String centerId);

    /** The password of the baseline's echo client ({@link InProcessHub#ECHO_USER}), when this hub's broker admits one. */
    Optional<byte[]> echoPassword();

    /** The hub's own counts, when it runs in this process. */
    Optional<IngestCounts> counters();

    @Override
    void close();

    /** {@link #lanesOf} in a hub's database. */
    static long lanesOf(Database db, String centerId) {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT COUNT(*) FROM stations WHERE center_id = ?")) {
                ps.setString(1, centerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** {@link #registerRules} on a registry and database. */
    static void registerRules(Registry registry, Database db, String centerId, String stationId, int capacityPerHour,
                              String inspector) {
        registry.updateCenterRules(centerId, r -> new CenterRules(centerId, CenterClass.B,
                OpeningHoursText.parse("mon-sun 00:00-24:00; holidays open"), true, LocalDate.of(2099, 12, 31)));
        registry.setCapacityPerHour(stationId, capacityPerHour);
        new People(db, Clock.systemUTC()).register(centerId, DocumentId.parse(inspector), "Load Inspector",
                PersonRole.INSPECTOR);
    }
}
