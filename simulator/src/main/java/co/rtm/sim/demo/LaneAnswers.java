package co.rtm.sim.demo;

import co.rtm.hub.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the hub answered one simulated mobile lane, read from its database: the lane's accepted results, its refused
 * inspections, the newest refusal's code and its recorded metrological verifications. The scripts wait on these
 * counts for the answer to each inspection they release.
 */
public final class LaneAnswers {
    private static final String REFUSED_INSPECTIONS =
            " FROM refusals WHERE station_id = ? AND (topic IS NULL OR topic LIKE '%/inspection')";

    private final Database db;
    private final String stationId;

    public LaneAnswers(Database db, String stationId) {
        this.db = db;
        this.stationId = stationId;
    }

    /** Results accepted for the lane. */
    public long accepted() {
        return count("SELECT COUNT(*) FROM results WHERE station_id = ?");
    }

    /** The lane's inspections the hub refused. */
    public long refused() {
        return count("SELECT COUNT(*)" + REFUSED_INSPECTIONS);
    }

    /** Verifications recorded for the lane. */
    public long verifications() {
        return count("SELECT COUNT(*) FROM station_verifications WHERE station_id = ?");
    }

    /** The code of the lane's newest refused inspection, or {@code ?} when none was refused. */
    public String lastRefusal() {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT reason_code" + REFUSED_INSPECTIONS + " ORDER BY id DESC")) {
                ps.setString(1, stationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "?";
                }
            }
        });
    }

    private long count(String sql) {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                ps.setString(1, stationId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
