package co.rtm.hub.mobile;

import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@link TrackHistory} on the fixes table, in the caller's transaction. The only place that knows the table: the
 * track ingestion's migration (V12) creates it, keyed (station_id, device_time).
 * Device times are {@link Timestamps} text, so both databases compare them alike.
 */
public final class SqlTrackHistory implements TrackHistory {
    static final String TABLE = "track_fixes";
    private final Tx tx;

    public SqlTrackHistory(Tx tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Fix> latestAtOrBefore(String stationId, Instant t) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT latitude, longitude, device_time FROM " + TABLE
                + " WHERE station_id = ? AND device_time <= ? ORDER BY device_time DESC LIMIT 1")) {
            ps.setString(1, stationId);
            ps.setString(2, Timestamps.format(t));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(fix(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Fix> firstMatching(String stationId, Instant after, Instant until, Predicate<Fix> match) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT latitude, longitude, device_time FROM " + TABLE
                + " WHERE station_id = ? AND device_time > ? AND device_time <= ? ORDER BY device_time")) {
            ps.setString(1, stationId);
            ps.setString(2, after == null ? "" : Timestamps.format(after));
            ps.setString(3, Timestamps.format(until));
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Fix f = fix(rs);
                    if (match.test(f)) {
                        return Optional.of(f);
                    }
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private static Fix fix(ResultSet rs) throws SQLException {
        return new Fix(rs.getDouble(1), rs.getDouble(2), Timestamps.parse(rs.getString(3)));
    }
}
