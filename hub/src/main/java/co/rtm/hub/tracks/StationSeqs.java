package co.rtm.hub.tracks;

import co.rtm.hub.store.Tx;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A station numbers every message it signs from one outbox counter (DESIGN §3: seq per station, strictly
 * increasing), so an event or a track batch may not carry the seq of a result or a track batch the hub already
 * accepted.
 */
public final class StationSeqs {
    private StationSeqs() {}

    public static boolean takenByResultOrTrack(Tx tx, String stationId, long seq) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT 1 FROM results WHERE station_id = ? AND seq = ? "
                        + "UNION ALL SELECT 1 FROM track_batches WHERE station_id = ? AND seq = ?")) {
            ps.setString(1, stationId);
            ps.setLong(2, seq);
            ps.setString(3, stationId);
            ps.setLong(4, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
