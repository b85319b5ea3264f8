package co.rtm.hub.registry;

import co.rtm.hub.ledger.AuditLog;
import co.rtm.hub.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to stations' activation and keys, read from the audit log, where every registry change is
 * committed together with its entry. Any process may make them (a {@code hub revoke-key} command, another
 * hub instance on the same PostgreSQL); a running hub polls this to act on them at once. Audit ids are
 * assigned under the audit head's lock, so they are committed in id order and polling "after id N"
 * misses nothing.
 */
public final class StationChanges {
    static final List<String> KINDS = List.of("STATION_ACTIVATED", "STATION_DEACTIVATED", "KEY_ADDED", "KEY_ROTATED",
            "KEY_REVOKED");

    /** One committed change; {@code stationId} is the station it concerns. */
    public record Change(long auditId, String kind, String stationId) {
    }

    private final Database db;

    public StationChanges(Database db) {
        this.db = db;
    }

    /** The id of the newest audit entry (0 for an empty log): changes after it are news. */
    public long head() {
        return db.read(AuditLog::headId);
    }

    /** Station changes committed after audit entry {@code afterId}, oldest first. */
    public List<Change> since(long afterId) {
        return db.read(tx -> {
            String marks = String.join(", ", KINDS.stream().map(k -> "?").toList());
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT id, kind, subject FROM audit_log WHERE id > ? AND kind IN (" + marks + ") ORDER BY id")) {
                ps.setLong(1, afterId);
                for (int i = 0; i < KINDS.size(); i++) {
                    ps.setString(i + 2, KINDS.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<Change> changes = new ArrayList<>();
                    while (rs.next()) {
                        changes.add(new Change(rs.getLong(1), rs.getString(2), stationOf(rs.getString(3))));
                    }
                    return changes;
                }
            }
        });
    }

    /** Key entries name the key ({@code station#version}), station entries the station. */
    static String stationOf(String subject) {
        int hash = subject.lastIndexOf('#');
        return hash < 0 ? subject : subject.substring(0, hash);
    }
}
