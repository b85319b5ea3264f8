package co.rtm.hub.mobile;

import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes fixes straight into the tracks tables (V12) for tests and benchmarks of the mobile-line rules: one
 * single-fix batch row per fix, as track ingestion would have stored an accepted batch of one.
 */
final class StoredFixes {
    private static final AtomicLong SEQ = new AtomicLong(1_000_000);

    private StoredFixes() {
    }

    static void insert(Tx tx, String stationId, Instant deviceTime, double lat, double lon) throws SQLException {
        String id = UUID.randomUUID().toString();
        String at = Timestamps.format(deviceTime);
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO track_batches (message_id, center_id,"
                + " station_id, key_version, seq, first_fix_at, last_fix_at, received_at, fixes_received, fixes_accepted,"
                + " duplicate_fixes, future_fixes, stale_fixes, jump_fixes, envelope)"
                + " SELECT ?, center_id, id, 1, ?, ?, ?, ?, 1, 1, 0, 0, 0, 0, ? FROM stations WHERE id = ?")) {
            ps.setString(1, id);
            ps.setLong(2, SEQ.incrementAndGet());
            ps.setString(3, at);
            ps.setString(4, at);
            ps.setString(5, at);
            ps.setBytes(6, new byte[0]);
            ps.setString(7, stationId);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no station " + stationId);
            }
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO " + SqlTrackHistory.TABLE
                + " (station_id, device_time, received_at, latitude, longitude, hdop, batch_message_id)"
                + " VALUES (?, ?, ?, ?, ?, 1.0, ?)")) {
            ps.setString(1, stationId);
            ps.setString(2, at);
            ps.setString(3, at);
            ps.setDouble(4, lat);
            ps.setDouble(5, lon);
            ps.setString(6, id);
            ps.executeUpdate();
        }
    }
}
