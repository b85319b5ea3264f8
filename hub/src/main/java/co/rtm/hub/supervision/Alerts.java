package co.rtm.hub.supervision;

import co.rtm.hub.ledger.AuditLog;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The alerts table: raised inside the transaction of what caused them, acknowledged by a supervisor (audited). */
public final class Alerts {
    public static final String AUDIT_ACKNOWLEDGED = "ALERT_ACKNOWLEDGED";
    public static final int MAX_COMMENT = 1000;
    private static final String COLUMNS =
            "id, kind, center_id, station_id, detail, refusal_id, created_at, acked_by, acked_at, ack_comment, instrument,"
                    + " event_message_id";

    private final Database db;
    private final Clock clock;

    public Alerts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Raises an alert in the caller's transaction (DESIGN §3: every refusal is stored, counted and alerted). */
    public static long raiseIn(Tx tx, Instant at, String kind, String centerId, String stationId, String detail,
                               Long refusalId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO alerts (kind, center_id, station_id, detail, refusal_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"
                        + " RETURNING id")) {
            ps.setString(1, kind);
            ps.setString(2, centerId);
            ps.setString(3, stationId);
            ps.setString(4, detail);
            if (refusalId == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, refusalId);
            }
            ps.setString(6, Timestamps.format(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Raises an alert for a station event (an instrument fault...) in the caller's transaction; at most one per event.
     */
    public static long raiseForEventIn(Tx tx, Instant at, String kind, String centerId, String stationId, String instrument,
                                       String detail, String eventMessageId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO alerts (kind, center_id, station_id, detail, instrument, event_message_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, kind);
            ps.setString(2, centerId);
            ps.setString(3, stationId);
            ps.setString(4, detail);
            ps.setString(5, instrument);
            ps.setString(6, eventMessageId);
            ps.setString(7, Timestamps.format(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Newest first; only unacknowledged ones when {@code openOnly}. */
    public List<Alert> list(boolean openOnly, int limit, long offset) {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM alerts"
                    + (openOnly ? " WHERE acked_at IS NULL" : "") + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setLong(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Alert> alerts = new ArrayList<>();
                    while (rs.next()) {
                        alerts.add(alert(rs));
                    }
                    return alerts;
                }
            }
        });
    }

    public Optional<Alert> find(long id) {
        return db.read(tx -> find(tx, id));
    }

    /**
     * Acknowledges an open alert, with the audit entry in the same transaction.
     *
     * @throws java.util.NoSuchElementException if there is no such alert
     * @throws IllegalStateException            if it was already acknowledged
     */
    public Alert acknowledge(long id, String user, String comment) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment longer than " + MAX_COMMENT + " characters");
        }
        Instant now = Timestamps.truncate(clock.instant());
        return db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE alerts SET acked_by = ?, acked_at = ?, ack_comment = ? WHERE id = ? AND acked_at IS NULL")) {
                ps.setString(1, user);
                ps.setString(2, Timestamps.format(now));
                ps.setString(3, comment);
                ps.setLong(4, id);
                if (ps.executeUpdate() != 1) {
                    Alert existing = find(tx, id).orElseThrow(() -> new java.util.NoSuchElementException("no alert " + id));
                    throw new IllegalStateException("alert " + id + " was already acknowledged by " + existing.ackedBy());
                }
            }
            Alert acked = find(tx, id).orElseThrow();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("alertId", id);
            detail.put("kind", acked.kind());
            detail.put("by", user);
            detail.put("comment", comment);
            AuditLog.append(tx, now, AUDIT_ACKNOWLEDGED, "alert:" + id, detail);
            return acked;
        });
    }

    private static Optional<Alert> find(Tx tx, long id) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM alerts WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(alert(rs)) : Optional.empty();
            }
        }
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        long refusal = rs.getLong("refusal_id");
        Long refusalId = rs.wasNull() ? null : refusal;
        String ackedAt = rs.getString("acked_at");
        return new Alert(rs.getLong("id"), rs.getString("kind"), rs.getString("center_id"), rs.getString("station_id"),
                rs.getString("detail"), refusalId, Timestamps.parse(rs.getString("created_at")), rs.getString("acked_by"),
                ackedAt == null ? null : Timestamps.parse(ackedAt), rs.getString("ack_comment"), rs.getString("instrument"),
                rs.getString("event_message_id"));
    }
}
