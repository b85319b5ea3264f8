package co.rtm.sim.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only looks into the hub's ledger and a station's outbox, as an auditor would take them. */
final class Ledgers {
    private Ledgers() {}

    /** messageId -> FUR number of every result the hub accepted from a station, in acceptance order. */
    static Map<String, Long> hubFurs(Path hubDb, String stationId) throws SQLException {
        return query(hubDb, "SELECT message_id, fur_number FROM results WHERE station_id = '" + stationId + "' ORDER BY id");
    }

    /** messageId -> FUR number the station recorded from the hub's ack, for every inspection it stored. */
    static Map<String, Long> outboxFurs(Path outboxDb) throws SQLException {
        return query(outboxDb, "SELECT message_id, fur_number FROM outbox_message WHERE type = 'inspection' ORDER BY seq");
    }

    static long outboxUnfinished(Path outboxDb) throws SQLException {
        return query(outboxDb, "SELECT state, count(*) FROM outbox_message WHERE state IN ('PENDING','SENT') GROUP BY state")
                .values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> query(Path db, String sql) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro", new java.util.Properties());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2));
        }
        return out;
    }
}
