package co.rtm.hub.ledger;

import co.rtm.profiles.person.DocumentId;
import co.rtm.hub.registry.PersonRole;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lanes' biometric login and logout events ({@code lane_logins}), written and read inside the caller's transaction. */
public final class LaneLogins {
    private LaneLogins() {
    }

    /** Stores one login ({@code login}) or logout event; {@code at} is the event's own instant. */
    public static void record(Tx tx, String messageId, String centerId, String stationId, DocumentId document,
                              boolean login, Instant at, Instant receivedAt) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO lane_logins (message_id, center_id, station_id, document_type, document_number, event, at,"
                        + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, messageId);
            ps.setString(2, centerId);
            ps.setString(3, stationId);
            ps.setString(4, document.type());
            ps.setString(5, document.number());
            ps.setString(6, login ? "LOGIN" : "LOGOUT");
            ps.setString(7, Timestamps.format(Timestamps.truncate(at)));
            ps.setString(8, Timestamps.format(Timestamps.truncate(receivedAt)));
            ps.executeUpdate();
        }
    }

    /** What the centre registered for the document, if anything. */
    static Optional<InspectorRule.Registration> registration(Tx tx, String centerId, DocumentId document) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT role, active FROM people WHERE center_id = ?"
                + " AND document_type = ? AND document_number = ?")) {
            ps.setString(1, centerId);
            ps.setString(2, document.type());
            ps.setString(3, document.number());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new InspectorRule.Registration(PersonRole.valueOf(rs.getString(1)),
                        rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /**
     * The documents logged in on the lane at {@code at}: for each document, its last event at or before {@code at}
     * (ties in arrival order) when that event is a login, with what the centre registered for it.
     */
    static List<LoggedIn> loggedIn(Tx tx, String centerId, String stationId, Instant at) throws SQLException {
        String when = Timestamps.format(Timestamps.truncate(at));
        List<LoggedIn> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT l.document_type, l.document_number, l.at, p.role, p.active FROM lane_logins l"
                        + " LEFT JOIN people p ON p.center_id = ? AND p.document_type = l.document_type"
                        + " AND p.document_number = l.document_number"
                        + " WHERE l.station_id = ? AND l.event = 'LOGIN' AND l.at <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM lane_logins o WHERE o.station_id = l.station_id"
                        + " AND o.document_type = l.document_type AND o.document_number = l.document_number AND o.at <= ?"
                        + " AND (o.at > l.at OR (o.at = l.at AND o.id > l.id)))"
                        + " ORDER BY l.at, l.id")) {
            ps.setString(1, centerId);
            ps.setString(2, stationId);
            ps.setString(3, when);
            ps.setString(4, when);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String role = rs.getString(4);
                    boolean active = rs.getBoolean(5);
                    Boolean registeredActive = rs.wasNull() ? null : active;
                    out.add(new LoggedIn(new DocumentId(rs.getString(1), rs.getString(2)), Timestamps.parse(rs.getString(3)),
                            role == null ? null : PersonRole.valueOf(role), registeredActive));
                }
            }
        }
        return out;
    }
}
