package co.rtm.hub.tracks;

import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.profiles.tracks.TrackBatch;
import co.rtm.profiles.tracks.TrackFix;
import co.rtm.profiles.wire.RejectReason;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores verified track batches (DESIGN §7): one {@code track_batches} row per messageId with the filters'
 * summary, and the accepted fixes in {@code track_fixes}. Runs inside the ingestion transaction; the station's
 * row is locked first (PostgreSQL; SQLite's write transaction is already exclusive) so two batches of one station
 * are filtered one after the other, never against the same stale view.
 */
public final class TrackStore {

    private final TrackFilter filter;

    public TrackStore(TrackFilter filter) {
        this.filter = filter;
    }

    /**
     * @param batch      a batch whose signature, station and ids were verified
     * @param receivedAt the hub's clock when it arrived (the filters' reference and each fix's receipt time)
     */
    public TrackOutcome storeIn(Tx tx, TrackBatch batch, int keyVersion, byte[] envelope, Instant receivedAt)
            throws SQLException {
        Instant now = Timestamps.truncate(receivedAt);
        lockStation(tx, batch.stationId());
        String id = batch.messageId().toString();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT station_id, received_at, fixes_received, "
                + "fixes_accepted, duplicate_fixes, future_fixes, stale_fixes, jump_fixes FROM track_batches WHERE message_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (!rs.getString(1).equals(batch.stationId())) {
                        return new TrackOutcome.Refused(RejectReason.REPLAYED_SEQ.name(),
                                "messageId " + id + " was already used by another station");
                    }
                    return new TrackOutcome.Duplicate(counts(rs, 3), Timestamps.parse(rs.getString(2)));
                }
            }
        }
        if (StationSeqs.takenByResultOrTrack(tx, batch.stationId(), batch.seq())) { // one outbox counter for both
            return new TrackOutcome.Refused(RejectReason.REPLAYED_SEQ.name(),
                    "seq " + batch.seq() + " was already accepted from station " + batch.stationId());
        }
        List<TrackFix> fixes = batch.fixes();
        Instant first = fixes.get(0).deviceTime();
        Instant last = fixes.get(fixes.size() - 1).deviceTime();
        List<TrackPoint> known = new ArrayList<>(TrackReader.between(tx, batch.stationId(), first, last));
        TrackReader.latestBefore(tx, batch.stationId(), first).ifPresent(known::add);
        TrackFilter.Result result = filter.apply(fixes, now, known);
        insertBatch(tx, batch, keyVersion, envelope, now, result.counts());
        insertFixes(tx, batch, result.accepted(), now);
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE stations SET last_seq = ? WHERE id = ? AND (last_seq IS NULL OR last_seq < ?)")) {
            ps.setLong(1, batch.seq());
            ps.setString(2, batch.stationId());
            ps.setLong(3, batch.seq());
            ps.executeUpdate();
        }
        return new TrackOutcome.Accepted(result.counts(), now);
    }

    private static void lockStation(Tx tx, String stationId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id FROM stations WHERE id = ?" + tx.dialect().forUpdate())) {
            ps.setString(1, stationId);
            ps.executeQuery().close();
        }
    }

    private static void insertBatch(Tx tx, TrackBatch b, int keyVersion, byte[] envelope, Instant now, FixCounts c)
            throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO track_batches (message_id, center_id, "
                + "station_id, key_version, seq, first_fix_at, last_fix_at, received_at, fixes_received, fixes_accepted, "
                + "duplicate_fixes, future_fixes, stale_fixes, jump_fixes, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, b.messageId().toString());
            ps.setString(2, b.centerId());
            ps.setString(3, b.stationId());
            ps.setInt(4, keyVersion);
            ps.setLong(5, b.seq());
            ps.setString(6, Timestamps.format(b.fixes().get(0).deviceTime()));
            ps.setString(7, Timestamps.format(b.fixes().get(b.fixes().size() - 1).deviceTime()));
            ps.setString(8, Timestamps.format(now));
            ps.setLong(9, c.received());
            ps.setLong(10, c.accepted());
            ps.setLong(11, c.duplicate());
            ps.setLong(12, c.future());
            ps.setLong(13, c.stale());
            ps.setLong(14, c.jump());
            ps.setBytes(15, envelope);
            ps.executeUpdate();
        }
    }

    private static void insertFixes(Tx tx, TrackBatch b, List<TrackFix> accepted, Instant now) throws SQLException {
        if (accepted.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO track_fixes (station_id, device_time, "
                + "received_at, latitude, longitude, altitude_m, speed_kmh, hdop, batch_message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TrackFix f : accepted) {
                ps.setString(1, b.stationId());
                ps.setString(2, Timestamps.format(f.deviceTime()));
                ps.setString(3, Timestamps.format(now));
                ps.setDouble(4, f.lat());
                ps.setDouble(5, f.lon());
                setNullable(ps, 6, f.altitudeM());
                setNullable(ps, 7, f.speedKmh());
                ps.setDouble(8, f.hdop());
                ps.setString(9, b.messageId().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    static FixCounts counts(ResultSet rs, int from) throws SQLException {
        return new FixCounts(rs.getLong(from), rs.getLong(from + 1), rs.getLong(from + 2), rs.getLong(from + 3),
                rs.getLong(from + 4), rs.getLong(from + 5));
    }
}
