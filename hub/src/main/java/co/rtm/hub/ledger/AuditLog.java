package co.rtm.hub.ledger;

import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Appends to the audit log inside the caller's transaction, so an entry exists exactly when the
 * change it records was committed. Any package that performs an audited action (results,
 * refusals, registry changes, supervisor actions) appends through here.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private AuditLog() {
    }

    /**
     * Appends one entry. {@code detail} is serialised to JSON with sorted keys; the text is what
     * gets hashed and stored.
     */
    public static AuditEntry append(Tx tx, Instant at, String kind, String subject, Map<String, ?> detail) throws SQLException {
        return appendJson(tx, at, kind, subject, toJson(detail));
    }

    /** The id of the newest entry (0 for an empty log): watchers of the log treat entries after it as news. */
    public static long headId(Tx tx) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT last_id FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    /**
     * An entry's detail from key/value pairs, in order ({@code detail("station", id, "capacity", 4)}); values may
     * be null, which the JSON keeps.
     */
    public static Map<String, Object> detail(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("detail takes key/value pairs, got " + keyValues.length + " items");
        }
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static AuditEntry appendJson(Tx tx, Instant at, String kind, String subject, String detailJson) throws SQLException {
        long lastId;
        String lastHash;
        // locking the head orders appends from concurrent transactions (and hub instances)
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT last_id, last_hash FROM audit_head WHERE id = 1" + tx.dialect().forUpdate());
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row is missing");
            }
            lastId = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        AuditEntry e = AuditChain.next(lastId, lastHash, at, kind, subject, detailJson);
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO audit_log (id, at, kind, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.id());
            ps.setString(2, Timestamps.format(e.at()));
            ps.setString(3, e.kind());
            ps.setString(4, e.subject());
            ps.setString(5, e.detail());
            ps.setString(6, e.prevHash());
            ps.setString(7, e.hash());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1 AND last_id = ?")) {
            ps.setLong(1, e.id());
            ps.setString(2, e.hash());
            ps.setLong(3, lastId);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("audit_head moved under a locked append");
            }
        }
        return e;
    }

    static String toJson(Map<String, ?> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not serialisable", e);
        }
    }
}
