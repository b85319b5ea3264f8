package co.rtm.hub.ledger;

import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.CenterLocation;
import co.rtm.hub.registry.CenterRulesColumns;
import co.rtm.hub.registry.ProfileRefs;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.vehicle.VehicleKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads {@link LaneLimits} and the results counted against a lane's capacity, inside the ledger's transaction.
 * The caller holds the station's row lock, so on PostgreSQL no other hub adds a result of the station between the
 * count and the insert; on SQLite the transaction holds the database write lock.
 */
final class LaneLimitsReader {
    private LaneLimitsReader() {
    }

    static LaneLimits read(Tx tx, String stationId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT c.id, c.center_class, c.opening_hours, c.accredited_until, s.capacity_per_hour, s.profile_id,"
                        + " c.environmental_until, EXISTS (SELECT 1 FROM people p WHERE p.center_id = c.id), c.kind"
                        + " FROM stations s JOIN centers c ON c.id = s.center_id WHERE s.id = ?")) {
            ps.setString(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("station " + stationId + " vanished under its lock");
                }
                int capacity = rs.getInt(5);
                Integer perHour = rs.wasNull() ? null : capacity;
                List<VehicleKind> kinds = ProfileRefs.resolve(rs.getString(6)).map(StationProfile::vehicleKinds).orElse(List.of());
                return new LaneLimits(CenterRulesColumns.read(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(7), CenterLocation.NONE), perHour, kinds, rs.getBoolean(8),
                        CenterKind.MOBILE.name().equals(rs.getString(9)));
            }
        }
    }

    /** Accepted results of the station that started within {@code hour}, this transaction's own included. */
    static long acceptedIn(Tx tx, String stationId, ClockHour hour) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT COUNT(*) FROM results WHERE station_id = ? AND started_at >= ? AND started_at < ?")) {
            ps.setString(1, stationId);
            ps.setString(2, Timestamps.format(hour.start()));
            ps.setString(3, Timestamps.format(hour.end()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
