package co.rtm.hub.exam;

import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accepted exams for the REST API: by candidate document, CALE, start time range and certificate number. */
public final class ExamSearch {
    /** Any filter may be null; {@code from} inclusive, {@code to} exclusive, on the exam's start. */
    public record Query(String candidate, String centerId, Instant from, Instant to, Long certificate) {
    }

    private final Database db;

    public ExamSearch(Database db) {
        this.db = db;
    }

    public List<Map<String, Object>> find(Query q, int limit, long offset) {
        StringBuilder sql = new StringBuilder("SELECT r.message_id, e.center_id, e.station_id, e.part, e.candidate, e.category,"
                + " e.procedure_kind, e.turn_id, e.verdict, e.free_retake, e.started_at, e.closed_at, e.draw_seed, e.seat,"
                + " r.certificate_number, r.received_at FROM exams e JOIN results r ON r.id = e.result_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.candidate() != null) {
            sql.append(" AND e.candidate = ?");
            args.add(q.candidate());
        }
        if (q.centerId() != null) {
            sql.append(" AND e.center_id = ?");
            args.add(q.centerId());
        }
        if (q.from() != null) {
            sql.append(" AND e.started_at >= ?");
            args.add(Timestamps.format(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND e.started_at < ?");
            args.add(Timestamps.format(q.to()));
        }
        if (q.certificate() != null) {
            sql.append(" AND r.certificate_number = ? AND r.certificate_kind = 'CALE'");
            args.add(q.certificate());
        }
        sql.append(" ORDER BY e.started_at, e.result_id LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("messageId", rs.getString(1));
                        row.put("center", rs.getString(2));
                        row.put("station", rs.getString(3));
                        row.put("part", rs.getString(4));
                        row.put("candidate", rs.getString(5));
                        row.put("category", rs.getString(6));
                        row.put("procedure", rs.getString(7));
                        row.put("turn", rs.getString(8));
                        row.put("verdict", rs.getString(9));
                        row.put("freeRetake", rs.getBoolean(10));
                        row.put("startedAt", rs.getString(11));
                        row.put("closedAt", rs.getString(12));
                        row.put("drawSeed", rs.getString(13));
                        int seat = rs.getInt(14);
                        row.put("seat", rs.wasNull() ? null : seat);
                        long cert = rs.getLong(15);
                        row.put("certificateNumber", rs.wasNull() ? null : cert);
                        row.put("receivedAt", rs.getString(16));
                        rows.add(row);
                    }
                }
                return rows;
            }
        });
    }
}
