package co.rtm.hub.api;

import co.rtm.hub.ledger.Sha256;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL behind the read endpoints: rows become ordered maps with camelCase keys, ready for JSON. */
final class ReadModel {
    private static final String CENTER_COLUMNS = "id, kind, name, fur_series_code, center_class, opening_hours,"
            + " accredited_until, environmental_until, department, municipality, address, latitude, longitude, created_at";
    private static final String STATION_COLUMNS = "id, center_id, profile_id, active, capacity_per_hour, last_seq, created_at";
    private static final String RESULT_COLUMNS = "id, message_id, center_id, station_id, key_version, seq, subject, verdict,"
            + " fur_number, certificate_kind, certificate_number, started_at, tested_at, received_at";
    static final String[] CSV_HEADER = {"id", "message_id", "center_id", "station_id", "key_version", "seq", "result_type",
            "subject", "verdict", "fur_number", "certificate_kind", "certificate_number", "started_at", "tested_at",
            "received_at", "envelope_sha256"};

    private final Database db;

    ReadModel(Database db) {
        this.db = db;
    }

    List<Map<String, Object>> centers(int limit, long offset) {
        return db.read(tx -> rows(tx, "SELECT " + CENTER_COLUMNS + " FROM centers ORDER BY id LIMIT ? OFFSET ?", limit, offset));
    }

    Optional<Map<String, Object>> center(String id) {
        return db.read(tx -> {
            List<Map<String, Object>> found = rows(tx, "SELECT " + CENTER_COLUMNS + " FROM centers WHERE id = ?", id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> center = found.get(0);
            center.put("stations", rows(tx, "SELECT " + STATION_COLUMNS + " FROM stations WHERE center_id = ? ORDER BY id", id));
            return Optional.of(center);
        });
    }

    List<Map<String, Object>> stations(String center, int limit, long offset) {
        return db.read(tx -> center == null
                ? rows(tx, "SELECT " + STATION_COLUMNS + " FROM stations ORDER BY id LIMIT ? OFFSET ?", limit, offset)
                : rows(tx, "SELECT " + STATION_COLUMNS + " FROM stations WHERE center_id = ? ORDER BY id LIMIT ? OFFSET ?",
                center, limit, offset));
    }

    Optional<Map<String, Object>> station(String id) {
        return db.read(tx -> rows(tx, "SELECT " + STATION_COLUMNS + " FROM stations WHERE id = ?", id).stream().findFirst());
    }

    /** Inspections matching every given criterion, newest first. */
    List<Map<String, Object>> inspections(InspectionQuery q, int limit, long offset) {
        StringBuilder sql = new StringBuilder("SELECT " + RESULT_COLUMNS + " FROM results WHERE result_type = 'INSPECTION'");
        List<Object> args = new ArrayList<>();
        if (q.plate() != null) {
            sql.append(" AND subject = ?");
            args.add(q.plate());
        }
        if (q.center() != null) {
            sql.append(" AND center_id = ?");
            args.add(q.center());
        }
        if (q.fur() != null) {
            sql.append(" AND fur_number = ?");
            args.add(q.fur());
        }
        if (q.certificate() != null) {
            sql.append(" AND certificate_kind = 'RTM' AND certificate_number = ?");
            args.add(q.certificate());
        }
        if (q.from() != null) {
            sql.append(" AND tested_at >= ?");
            args.add(Timestamps.format(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND tested_at < ?");
            args.add(Timestamps.format(q.to()));
        }
        sql.append(" ORDER BY tested_at DESC, id DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return db.read(tx -> rows(tx, sql.toString(), args.toArray()));
    }

    /** One inspection with its payload text (the caller parses it). */
    Optional<Map<String, Object>> inspection(String messageId) {
        return db.read(tx -> rows(tx, "SELECT " + RESULT_COLUMNS + ", payload FROM results"
                + " WHERE message_id = ? AND result_type = 'INSPECTION'", messageId).stream().findFirst());
    }

    List<Map<String, Object>> refusals(Instant from, Instant to, String reason, int limit, long offset) {
        StringBuilder sql = new StringBuilder("SELECT id, message_id, center_id, station_id, topic, reason_code, detail,"
                + " received_at FROM refusals WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (from != null) {
            sql.append(" AND received_at >= ?");
            args.add(Timestamps.format(from));
        }
        if (to != null) {
            sql.append(" AND received_at < ?");
            args.add(Timestamps.format(to));
        }
        if (reason != null) {
            sql.append(" AND reason_code = ?");
            args.add(reason);
        }
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return db.read(tx -> rows(tx, sql.toString(), args.toArray()));
    }

    /** Every lane of the centre with the start times of its inspections in [from, to); empty if no such centre. */
    Optional<List<CapacityReport.LaneStarts>> laneStarts(String center, Instant from, Instant to) {
        return db.read(tx -> {
            if (rows(tx, "SELECT id FROM centers WHERE id = ?", center).isEmpty()) {
                return Optional.empty();
            }
            List<CapacityReport.LaneStarts> lanes = new ArrayList<>();
            for (Map<String, Object> s : rows(tx, "SELECT id, capacity_per_hour FROM stations WHERE center_id = ? ORDER BY id", center)) {
                String id = (String) s.get("id");
                List<Instant> starts = new ArrayList<>();
                for (Map<String, Object> r : rows(tx, "SELECT started_at FROM results WHERE station_id = ?"
                        + " AND result_type = 'INSPECTION' AND started_at >= ? AND started_at < ?", id,
                        Timestamps.format(from), Timestamps.format(to))) {
                    starts.add(Timestamps.parse((String) r.get("startedAt")));
                }
                Object cap = s.get("capacityPerHour");
                lanes.add(new CapacityReport.LaneStarts(id, cap == null ? null : ((Number) cap).intValue(), starts));
            }
            return Optional.of(lanes);
        });
    }

    Map<String, Long> resultsByVerdict() {
        return db.read(tx -> {
            Map<String, Long> byVerdict = new LinkedHashMap<>();
            for (Map<String, Object> r : rows(tx, "SELECT verdict, COUNT(*) AS n FROM results GROUP BY verdict")) {
                byVerdict.put((String) r.get("verdict"), ((Number) r.get("n")).longValue());
            }
            return byVerdict;
        });
    }

    long openAlerts() {
        return db.read(tx -> ((Number) rows(tx, "SELECT COUNT(*) AS n FROM alerts WHERE acked_at IS NULL").get(0).get("n")).longValue());
    }

    boolean reachable() {
        try {
            return db.read(tx -> !rows(tx, "SELECT 1 AS one").isEmpty());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes the ledger's results received in [from, to) as CSV, header first, one line per result in id order,
     * row by row from one consistent read (nothing is held in memory).
     */
    void ledgerCsv(Instant from, Instant to, Writer out) {
        StringBuilder sql = new StringBuilder("SELECT id, message_id, center_id, station_id, key_version, seq, result_type,"
                + " subject, verdict, fur_number, certificate_kind, certificate_number, started_at, tested_at, received_at,"
                + " envelope FROM results WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (from != null) {
            sql.append(" AND received_at >= ?");
            args.add(Timestamps.format(from));
        }
        if (to != null) {
            sql.append(" AND received_at < ?");
            args.add(Timestamps.format(to));
        }
        sql.append(" ORDER BY id");
        db.read(tx -> {
            try (PreparedStatement ps = prepare(tx, sql.toString(), args.toArray())) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    line(out, CSV_HEADER);
                    String[] cells = new String[CSV_HEADER.length];
                    while (rs.next()) {
                        for (int i = 0; i < cells.length - 1; i++) {
                            cells[i] = rs.getString(i + 1);
                        }
                        byte[] envelope = rs.getBytes(cells.length);
                        cells[cells.length - 1] = envelope == null ? "" : Sha256.hex(envelope);
                        line(out, cells);
                    }
                }
            }
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private static void line(Writer out, String[] cells) throws SQLException {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(Csv.field(cells[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PreparedStatement prepare(Tx tx, String sql, Object... args) throws SQLException {
        PreparedStatement ps = tx.connection().prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static List<Map<String, Object>> rows(Tx tx, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(tx, sql, args); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.put(camel(meta.getColumnLabel(c)), value(rs, c));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** SQLite hands back booleans as integers: the column names say which are. */
    private static Object value(ResultSet rs, int c) throws SQLException {
        String label = rs.getMetaData().getColumnLabel(c).toLowerCase(java.util.Locale.ROOT);
        if (label.equals("active")) {
            boolean b = rs.getBoolean(c);
            return rs.wasNull() ? null : b;
        }
        return rs.getObject(c);
    }

    static String camel(String column) {
        String lower = column.toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean up = false;
        for (char ch : lower.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }

}
