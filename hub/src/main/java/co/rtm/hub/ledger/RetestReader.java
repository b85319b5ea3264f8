package co.rtm.hub.ledger;

import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.profiles.inspection.TestKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the original a retest names and links an accepted retest to it, inside the ledger's transaction. The
 * original's failed tests come from the score in its stored payload (the {@code test} of each defect), so results
 * stored before retests were checked need no new column.
 */
final class RetestReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RetestReader() {
    }

    static Optional<OriginalResult> original(Tx tx, String centerId, long fur) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT subject, verdict, tested_at, retest_of_fur, payload,"
                        + " (SELECT COUNT(*) FROM results r WHERE r.center_id = o.center_id AND r.retest_of_fur = o.fur_number)"
                        + " FROM results o WHERE o.center_id = ? AND o.fur_number = ? AND o.result_type = 'INSPECTION'")) {
            ps.setString(1, centerId);
            ps.setLong(2, fur);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OriginalResult(centerId, fur, rs.getString(1), Verdict.valueOf(rs.getString(2)),
                        Timestamps.parse(rs.getString(3)), Ledger.getLong(rs, 4), failedTests(rs.getString(5)),
                        rs.getLong(6) > 0));
            }
        }
    }

    /** Marks the stored result {@code resultId} as the free retest of FUR {@code originalFur}. */
    static void link(Tx tx, long resultId, long originalFur) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE results SET retest = ?, retest_of_fur = ? WHERE id = ?")) {
            ps.setBoolean(1, true);
            ps.setLong(2, originalFur);
            ps.setLong(3, resultId);
            ps.executeUpdate();
        }
    }

    /** The tests of the defects in a stored inspection payload's {@code score}; empty when it has none. */
    static Set<TestKind> failedTests(String payloadJson) {
        Set<TestKind> tests = EnumSet.noneOf(TestKind.class);
        JsonNode defects;
        try {
            defects = JSON.readTree(payloadJson).path("score").path("defects");
        } catch (IOException e) {
            return tests;
        }
        for (JsonNode d : defects) {
            String test = d.path("test").asText("");
            for (TestKind t : TestKind.values()) {
                if (t.json().equals(test)) {
                    tests.add(t);
                }
            }
        }
        return tests;
    }
}
