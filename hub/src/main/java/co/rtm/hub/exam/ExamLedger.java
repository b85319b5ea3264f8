package co.rtm.hub.exam;

import co.rtm.hub.ledger.LedgerDecision;
import co.rtm.hub.ledger.ResultType;
import co.rtm.hub.ledger.Submission;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.eligibility.Certificate;
import co.rtm.profiles.exam.eligibility.ExamAttempt;
import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exam side of the ledger's transaction: reads {@link ExamFacts} for {@link ExamRules} after the ledger's own
 * checks, and stores the exam row of an accepted result. The CALE's centre row is locked first, so two hubs on one
 * PostgreSQL judge the theory capacity and the (seed, seat) of one CALE one after the other (SQLite serialises all
 * writers anyway). Does nothing for inspections.
 */
public final class ExamLedger {
    private ExamLedger() {
    }

    public static Optional<LedgerDecision> check(Tx tx, Submission s) throws SQLException {
        Optional<ExamMessage> m = message(s);
        return m.isEmpty() ? Optional.empty() : ExamRules.check(m.get(), facts(tx, m.get()));
    }

    /** After the result row is inserted: the exam row the next exams are judged against. */
    public static void recorded(Tx tx, long resultId, Submission s) throws SQLException {
        Optional<ExamMessage> found = message(s);
        if (found.isEmpty()) {
            return;
        }
        ExamMessage m = found.get();
        Booking b = Bookings.find(tx, m.cale(), m.turnId()).orElseThrow(() -> new SQLException("turn " + m.turnId() + " vanished"));
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO exams (result_id, center_id, station_id, part, candidate, category, procedure_kind, turn_id,"
                        + " verdict, free_retake, started_at, closed_at, draw_seed, seat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, resultId);
            ps.setString(2, m.cale());
            ps.setString(3, m.stationId());
            ps.setString(4, m.part().name());
            ps.setString(5, m.candidate().text());
            ps.setString(6, m.category().name());
            ps.setString(7, m.procedure().name());
            ps.setString(8, m.turnId());
            ps.setString(9, m.claim().verdict().name());
            ps.setBoolean(10, b.freeRetake());
            ps.setString(11, Timestamps.format(Timestamps.truncate(m.startedAt().toInstant())));
            ps.setString(12, Timestamps.format(Timestamps.truncate(m.closedAt().toInstant())));
            if (m.theory() == null) {
                ps.setNull(13, Types.VARCHAR);
                ps.setNull(14, Types.INTEGER);
            } else {
                ps.setString(13, m.theory().drawSeed());
                ps.setInt(14, m.theory().seat());
            }
            ps.executeUpdate();
        }
    }

    /**
     * The exam message of an EXAM submission. Every one that comes off the wire was read by {@link ExamIntake} first;
     * an EXAM submission built in code without an exam message (the ledger's own numbering tests) is numbered without
     * the exam rules.
     */
    static Optional<ExamMessage> message(Submission s) {
        if (s.type() != ResultType.EXAM) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(s.payloadJson().getBytes(StandardCharsets.UTF_8), ExamMessage.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ExamFacts facts(Tx tx, ExamMessage m) throws SQLException {
        boolean cale = false;
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT kind FROM centers WHERE id = ?" + tx.dialect().forUpdate())) {
            ps.setString(1, m.cale());
            try (ResultSet rs = ps.executeQuery()) {
                cale = rs.next() && "CALE".equals(rs.getString(1));
            }
        }
        String profile = null;
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT profile_id FROM stations WHERE id = ?")) {
            ps.setString(1, m.stationId());
            try (ResultSet rs = ps.executeQuery()) {
                profile = rs.next() ? rs.getString(1) : null;
            }
        }
        Booking booking = Bookings.find(tx, m.cale(), m.turnId()).orElse(null);
        boolean turnUsed = exists(tx, "SELECT 1 FROM exams WHERE center_id = ? AND turn_id = ?", m.cale(), m.turnId());
        boolean seatUsed = m.theory() != null && exists(tx, "SELECT 1 FROM exams WHERE draw_seed = ? AND seat = ?",
                m.theory().drawSeed(), m.theory().seat());
        List<Certificate> certificates = CandidateCertificates.of(tx, m.candidate(), m.category());
        List<ExamAttempt> history = history(tx, m);
        List<TheoryCapacity.Interval> overlapping = new ArrayList<>();
        int theoryStations = 0;
        if (m.part() == ExamPart.THEORY) {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT started_at, closed_at FROM exams"
                    + " WHERE center_id = ? AND part = 'THEORY' AND started_at < ? AND closed_at > ?")) {
                ps.setString(1, m.cale());
                ps.setString(2, Timestamps.format(Timestamps.truncate(m.closedAt().toInstant())));
                ps.setString(3, Timestamps.format(Timestamps.truncate(m.startedAt().toInstant())));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        overlapping.add(new TheoryCapacity.Interval(Timestamps.parse(rs.getString(1)), Timestamps.parse(rs.getString(2))));
                    }
                }
            }
            theoryStations = TheoryStations.count(tx, m.cale());
        }
        String theoryReference = m.part() == ExamPart.PRACTICAL ? theoryReference(tx, m) : null;
        return new ExamFacts(cale, profile, booking, turnUsed, seatUsed, certificates, history, overlapping, theoryStations,
                theoryReference);
    }

    /**
     * The registry reference hash of the candidate's last passed theory exam in the category, read from its stored
     * payload (no column needed: the signed message is kept whole); null when there is none.
     */
    private static String theoryReference(Tx tx, ExamMessage m) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT r.payload FROM exams e JOIN results r ON r.id = e.result_id"
                + " WHERE e.candidate = ? AND e.category = ? AND e.part = 'THEORY' AND e.verdict = 'APPROVED'"
                + " ORDER BY e.closed_at DESC")) {
            ps.setString(1, m.candidate().text());
            ps.setString(2, m.category().name());
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                try {
                    return Json.read(rs.getString(1).getBytes(StandardCharsets.UTF_8), ExamMessage.class)
                            .identification().referenceHash();
                } catch (IOException e) {
                    throw new SQLException("stored theory exam of " + m.candidate() + " does not read: " + e.getMessage(), e);
                }
            }
        }
    }

    private static List<ExamAttempt> history(Tx tx, ExamMessage m) throws SQLException {
        List<ExamAttempt> attempts = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT part, category, center_id, closed_at, verdict, free_retake FROM exams WHERE candidate = ? AND category = ?")) {
            ps.setString(1, m.candidate().text());
            ps.setString(2, m.category().name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attempts.add(new ExamAttempt(ExamPart.valueOf(rs.getString(1)), LicenceCategory.valueOf(rs.getString(2)),
                            rs.getString(3), Timestamps.parse(rs.getString(4)).atOffset(ZoneOffset.UTC),
                            ExamVerdict.valueOf(rs.getString(5)), rs.getBoolean(6)));
                }
            }
        }
        return attempts;
    }

    private static boolean exists(Tx tx, String sql, Object a, Object b) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            ps.setObject(1, a);
            ps.setObject(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
