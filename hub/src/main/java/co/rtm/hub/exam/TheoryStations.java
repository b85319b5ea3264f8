package co.rtm.hub.exam;

import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A CALE's theory capacity (DESIGN §4) is the number of its active stations on the {@code cale-theory} profile in the
 * registry: each such station is one seat of the theory room. No separate count is registered, so provisioning or
 * deactivating a theory station is what changes the capacity (and is audited there).
 */
final class TheoryStations {
    private TheoryStations() {
    }

    static int count(Tx tx, String centerId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT COUNT(*) FROM stations WHERE center_id = ? AND active = ? AND (profile_id = 'cale-theory' OR profile_id LIKE 'cale-theory@%')")) {
            ps.setString(1, centerId);
            ps.setBoolean(2, true);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
