package co.rtm.hub.mobile;

import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Metrological verifications reported by stations (event VERIFICATION), for art. 3.3.3.8; table station_verifications. */
public final class Verifications {
    private Verifications() {
    }

    /** Records one, once per event messageId, in the caller's transaction; {@code at} is the station's clock. */
    public static void record(Tx tx, String messageId, String centerId, String stationId, Instant at) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO station_verifications (message_id,"
                + " center_id, station_id, verified_at) VALUES (?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING")) {
            ps.setString(1, messageId);
            ps.setString(2, centerId);
            ps.setString(3, stationId);
            ps.setString(4, Timestamps.format(at));
            ps.executeUpdate();
        }
    }

    /** The station's newest verification at or before {@code t}, or null. */
    public static Instant latestAtOrBefore(Tx tx, String stationId, Instant t) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT MAX(verified_at) FROM station_verifications WHERE station_id = ? AND verified_at <= ?")) {
            ps.setString(1, stationId);
            ps.setString(2, Timestamps.format(t));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String at = rs.getString(1);
                return at == null ? null : Timestamps.parse(at);
            }
        }
    }
}
