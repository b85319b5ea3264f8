package co.rtm.hub.config;

import co.rtm.hub.ledger.AuditLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import co.rtm.hub.mobile.Schedules;
import co.rtm.hub.store.Database;

/**
 * Which stations' config changed, read from the audit log, where every registry change is committed together with
 * its entry (whoever made it: this hub, a {@code hub} command, the REST API, another hub instance). A centre's
 * change concerns all its stations.
 */
public final class ConfigChanges {
    /** Entries whose subject is a station (or one of its keys, {@code station#version}). */
    static final List<String> STATION_KINDS = List.of("STATION_CREATED", "STATION_ACTIVATED", "STATION_DEACTIVATED",
            "LANE_CAPACITY_SET", "KEY_ADDED", "KEY_ROTATED", "KEY_REVOKED");
    /** Entries whose subject is a centre. */
    static final List<String> CENTER_KINDS = List.of("CENTER_RULES_SET", Schedules.AUDIT_SCHEDULED, Schedules.AUDIT_REMOVED,
            Schedules.AUDIT_LEAVE_BY);

    /** The stations touched by entries after {@code afterId}, and the newest id read. */
    public record Batch(long lastId, Set<String> stationIds) {
    }

    private final Database db;

    public ConfigChanges(Database db) {
        this.db = db;
    }

    /** The id of the newest audit entry (0 for an empty log). */
    public long head() {
        return db.read(AuditLog::headId);
    }

    /** Stations whose config may have changed in entries committed after {@code afterId}, in entry order. */
    public Batch since(long afterId) {
        return db.read(tx -> {
            List<String> kinds = new ArrayList<>(STATION_KINDS);
            kinds.addAll(CENTER_KINDS);
            String marks = String.join(", ", kinds.stream().map(k -> "?").toList());
            long last = afterId;
            Set<String> stations = new LinkedHashSet<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT id, kind, subject FROM audit_log WHERE id > ? AND kind IN (" + marks + ") ORDER BY id")) {
                ps.setLong(1, afterId);
                for (int i = 0; i < kinds.size(); i++) {
                    ps.setString(i + 2, kinds.get(i));
                }
                List<String> centers = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        String subject = rs.getString(3);
                        if (CENTER_KINDS.contains(rs.getString(2))) {
                            centers.add(subject);
                        } else {
                            int hash = subject.lastIndexOf('#');
                            stations.add(hash < 0 ? subject : subject.substring(0, hash));
                        }
                    }
                }
                for (String center : centers) {
                    stations.addAll(stationIds(tx.connection().prepareStatement(
                            "SELECT id FROM stations WHERE center_id = ? ORDER BY id"), center));
                }
            }
            return new Batch(last, stations);
        });
    }

    /** Every active station. */
    public List<String> activeStations() {
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id FROM stations WHERE active = ? ORDER BY id")) {
                ps.setBoolean(1, true);
                return stationIds(ps, null);
            }
        });
    }

    private static List<String> stationIds(PreparedStatement ps, String center) throws java.sql.SQLException {
        try (ps) {
            if (center != null) {
                ps.setString(1, center);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }
}
