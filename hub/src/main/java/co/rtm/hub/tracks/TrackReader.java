package co.rtm.hub.tracks;

import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side of tracks: where a station was, by device time. This is what the mobile-line acceptance rules
 * (DESIGN §7: an inspection needs a recent fix inside the municipality scheduled for that date) will ask.
 */
public final class TrackReader {

    private static final String POINT = "SELECT device_time, latitude, longitude FROM track_fixes WHERE station_id = ? ";

    private final Database db;

    public TrackReader(Database db) {
        this.db = db;
    }

    /** The station's latest accepted fix with a device time at or before {@code at}. */
    public Optional<TrackPoint> latestFixAt(String stationId, Instant at) {
        return db.read(tx -> latestAtOrBefore(tx, stationId, at, true));
    }

    /** The station's accepted fixes with {@code from <= device time <= to}, oldest first. */
    public List<TrackPoint> fixesBetween(String stationId, Instant from, Instant to) {
        return db.read(tx -> between(tx, stationId, from, to));
    }

    /** What the filters did with every batch of the station, summed ({@link FixCounts#ZERO} when none). */
    public FixCounts totals(String stationId) {
        return db.read(tx -> sum(tx, "WHERE station_id = ?", stationId));
    }

    /** What the filters did with every batch of every station. */
    public FixCounts totals() {
        return db.read(tx -> sum(tx, "", null));
    }

    /** The stored summary of one batch, by its messageId. */
    public Optional<FixCounts> batch(UUID messageId) {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT fixes_received, fixes_accepted, "
                    + "duplicate_fixes, future_fixes, stale_fixes, jump_fixes FROM track_batches WHERE message_id = ?")) {
                ps.setString(1, messageId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(TrackStore.counts(rs, 1)) : Optional.empty();
                }
            }
        });
    }

    static List<TrackPoint> between(Tx tx, String stationId, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                POINT + "AND device_time >= ? AND device_time <= ? ORDER BY device_time")) {
            ps.setString(1, stationId);
            ps.setString(2, Timestamps.format(from));
            ps.setString(3, Timestamps.format(to));
            List<TrackPoint> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(point(rs));
                }
            }
            return out;
        }
    }

    static Optional<TrackPoint> latestBefore(Tx tx, String stationId, Instant t) throws SQLException {
        return latestAtOrBefore(tx, stationId, t, false);
    }

    private static Optional<TrackPoint> latestAtOrBefore(Tx tx, String stationId, Instant t, boolean inclusive)
            throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(POINT + "AND device_time " + (inclusive ? "<=" : "<")
                + " ? ORDER BY device_time DESC LIMIT 1")) {
            ps.setString(1, stationId);
            ps.setString(2, Timestamps.format(t));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(point(rs)) : Optional.empty();
            }
        }
    }

    private static FixCounts sum(Tx tx, String where, String stationId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT coalesce(sum(fixes_received), 0), "
                + "coalesce(sum(fixes_accepted), 0), coalesce(sum(duplicate_fixes), 0), coalesce(sum(future_fixes), 0), "
                + "coalesce(sum(stale_fixes), 0), coalesce(sum(jump_fixes), 0) FROM track_batches " + where)) {
            if (stationId != null) {
                ps.setString(1, stationId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return TrackStore.counts(rs, 1);
            }
        }
    }

    private static TrackPoint point(ResultSet rs) throws SQLException {
        return new TrackPoint(Timestamps.parse(rs.getString(1)), rs.getDouble(2), rs.getDouble(3));
    }
}
