package co.rtm.hub.exam;

import co.rtm.hub.ledger.AuditLog;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.person.DocumentId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Booked exam turns (the table {@code exam_bookings}): booked by an admin (command or REST, audited), named by the exam
 * message's {@code turnId}, used by at most one accepted exam. A no-show is a booking whose start has passed with no
 * accepted exam on it.
 */
public final class Bookings {
    public static final String AUDIT_BOOKED = "EXAM_TURN_BOOKED";
    private static final String COLUMNS = "b.center_id, b.turn_id, b.candidate, b.category, b.part, b.procedure_kind,"
            + " b.free_retake, b.starts_at, b.booked_at, b.booked_by";

    private final Database db;
    private final Clock clock;

    public Bookings(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Books a turn at a CALE, with its audit entry.
     *
     * @throws IllegalArgumentException if the centre is not a registered CALE or the turn is already booked there
     */
    public Booking book(String centerId, String turnId, DocumentId candidate, LicenceCategory category, ExamPart part,
                        Procedure procedure, boolean freeRetake, Instant startsAt, String by) {
        Instant now = Timestamps.truncate(clock.instant());
        Booking b = new Booking(centerId, turnId, candidate, category, part, procedure, freeRetake,
                Timestamps.truncate(startsAt), now, by);
        return db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT kind FROM centers WHERE id = ?")) {
                ps.setString(1, centerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !"CALE".equals(rs.getString(1))) {
                        throw new IllegalArgumentException("centre " + centerId + " is not a registered CALE");
                    }
                }
            }
            if (find(tx, centerId, turnId).isPresent()) {
                throw new IllegalArgumentException("turn " + turnId + " is already booked at " + centerId);
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO exam_bookings (center_id, turn_id,"
                    + " candidate, category, part, procedure_kind, free_retake, starts_at, booked_at, booked_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, centerId);
                ps.setString(2, turnId);
                ps.setString(3, candidate.text());
                ps.setString(4, category.name());
                ps.setString(5, part.name());
                ps.setString(6, procedure.name());
                ps.setBoolean(7, freeRetake);
                ps.setString(8, Timestamps.format(b.startsAt()));
                ps.setString(9, Timestamps.format(now));
                ps.setString(10, by);
                ps.executeUpdate();
            }
            AuditLog.append(tx, now, AUDIT_BOOKED, centerId + "/" + turnId, AuditLog.detail("center", centerId,
                    "turn", turnId, "candidate", candidate.text(), "category", category.name(), "part", part.name(),
                    "procedure", procedure.name(), "freeRetake", freeRetake, "startsAt", Timestamps.format(b.startsAt()),
                    "by", by));
            return b;
        });
    }

    /** A booked turn and whether an accepted exam used it. */
    public record Turn(Booking booking, boolean examined, boolean noShow) {
    }

    /**
     * Bookings starting in [from, to), oldest first, optionally of one CALE and only no-shows (started before
     * {@code now} without an exam).
     */
    public List<Turn> list(String centerId, Instant from, Instant to, boolean noShowsOnly, int limit) {
        Instant now = clock.instant();
        return db.read(tx -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", e.result_id FROM exam_bookings b"
                    + " LEFT JOIN exams e ON e.center_id = b.center_id AND e.turn_id = b.turn_id WHERE b.starts_at >= ? AND b.starts_at < ?");
            List<Object> args = new ArrayList<>(List.of(Timestamps.format(from), Timestamps.format(to)));
            if (centerId != null) {
                sql.append(" AND b.center_id = ?");
                args.add(centerId);
            }
            if (noShowsOnly) {
                sql.append(" AND e.result_id IS NULL AND b.starts_at < ?");
                args.add(Timestamps.format(now));
            }
            sql.append(" ORDER BY b.starts_at, b.center_id, b.turn_id LIMIT ?");
            args.add(limit);
            try (PreparedStatement ps = tx.connection().prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<Turn> turns = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Booking b = booking(rs);
                        rs.getLong(11);
                        boolean examined = !rs.wasNull();
                        turns.add(new Turn(b, examined, !examined && b.startsAt().isBefore(now)));
                    }
                }
                return turns;
            }
        });
    }

    static Optional<Booking> find(Tx tx, String centerId, String turnId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM exam_bookings b WHERE b.center_id = ? AND b.turn_id = ?")) {
            ps.setString(1, centerId);
            ps.setString(2, turnId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(booking(rs)) : Optional.empty();
            }
        }
    }

    private static Booking booking(ResultSet rs) throws SQLException {
        return new Booking(rs.getString(1), rs.getString(2), DocumentId.parse(rs.getString(3)),
                LicenceCategory.valueOf(rs.getString(4)), ExamPart.valueOf(rs.getString(5)), Procedure.valueOf(rs.getString(6)),
                rs.getBoolean(7), Timestamps.parse(rs.getString(8)), Timestamps.parse(rs.getString(9)), rs.getString(10));
    }
}
