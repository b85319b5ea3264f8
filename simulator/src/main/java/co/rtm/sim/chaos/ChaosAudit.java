package co.rtm.sim.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the auditor finds after a chaos run: every result an agent stored (its outbox) against what the hub's
 * database holds. Read-only on both sides.
 *
 * @param produced      inspections the agents stored in their outboxes
 * @param numberedOnce  of those, found exactly once in the hub's results with the numbers the station got in its ack
 * @param lost          stored by a station but neither in the hub's results nor refused with a recorded reason,
 *                      or still waiting for an ack after the drain
 * @param duplicated    results whose FUR differs between the station's ack and the hub, or that share a number
 * @param refusedByHub  inspections the hub answered REJECTED, each found in its refusals with the same reason
 * @param refusalsByReason every refusal row the hub stored, by reason code
 * @param refusalsNotRecorded station-side REJECTED results with no matching refusal row
 */
record ChaosAudit(long produced, long numberedOnce, long lost, long duplicated, long refusedByHub,
                  Map<String, Long> refusalsByReason, long refusalsNotRecorded) {

    record Row(Long fur, Long certificate) {}

    static ChaosAudit of(String jdbcUrl, Collection<Path> outboxes) throws SQLException {
        Map<String, Row> hub = new HashMap<>();
        Map<String, Long> refusalsByReason = new TreeMap<>();
        Map<String, String> refusalReasonById = new HashMap<>();
        long sharedNumbers;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT message_id, fur_number, certificate_number FROM results WHERE result_type = 'INSPECTION'")) {
                while (rs.next()) hub.put(rs.getString(1), new Row(nullable(rs, 2), nullable(rs, 3)));
            }
            try (ResultSet rs = s.executeQuery("SELECT reason_code, message_id FROM refusals")) {
                while (rs.next()) {
                    refusalsByReason.merge(rs.getString(1), 1L, Long::sum);
                    if (rs.getString(2) != null) refusalReasonById.put(rs.getString(2), rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT center_id, fur_number FROM results WHERE fur_number IS NOT NULL"
                    + " GROUP BY center_id, fur_number HAVING count(*) > 1) d")) {
                rs.next();
                sharedNumbers = rs.getLong(1);
            }
        }
        long produced = 0, once = 0, lost = 0, duplicated = sharedNumbers, refused = 0, notRecorded = 0;
        for (Path outbox : outboxes) {
            if (!Files.exists(outbox)) continue;
            for (Map.Entry<String, String[]> e : outboxRows(outbox).entrySet()) {
                produced++;
                String[] r = e.getValue(); // state, ack_status, ack_reason, fur_number, certificate_number
                Row atHub = hub.get(e.getKey());
                if ("REJECTED".equals(r[0])) {
                    refused++;
                    if (!String.valueOf(r[2]).equals(refusalReasonById.get(e.getKey()))) notRecorded++;
                    if (atHub != null) duplicated++; // refused to the station yet numbered at the hub
                } else if (atHub == null || !"ACKED".equals(r[0])) {
                    lost++;
                } else if (same(atHub.fur(), r[3])) {
                    once++;
                } else {
                    duplicated++;
                }
            }
        }
        return new ChaosAudit(produced, once, lost, duplicated, refused, refusalsByReason, notRecorded);
    }

    private static boolean same(Long hub, String station) {
        return hub == null ? station == null : String.valueOf(hub).equals(station);
    }

    private static Long nullable(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Map<String, String[]> outboxRows(Path outbox) throws SQLException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + outbox + "?mode=ro", new Properties());
             ResultSet rs = c.createStatement().executeQuery("SELECT message_id, state, ack_status, ack_reason, fur_number, "
                     + "certificate_number FROM outbox_message WHERE type = 'inspection' ORDER BY seq")) {
            while (rs.next()) {
                out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
            }
        }
        return out;
    }

    /** PENDING or SENT rows in one outbox: results not yet answered by the hub. */
    static long unfinished(Path outbox) throws SQLException {
        if (!Files.exists(outbox)) return 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + outbox + "?mode=ro", new Properties());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox_message WHERE state IN ('PENDING','SENT')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The highest seq the hub acknowledged to this station (0 when none yet): what a replayed-seq attack reuses. */
    static long ackedSeq(Path outbox) throws SQLException {
        if (!Files.exists(outbox)) return 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + outbox + "?mode=ro", new Properties());
             ResultSet rs = c.createStatement().executeQuery("SELECT coalesce(max(seq), 0) FROM outbox_message WHERE state = 'ACKED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
