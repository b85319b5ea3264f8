package co.rtm.hub.mobile;

import co.rtm.hub.registry.Actors;
import co.rtm.hub.geo.FiftyKmRule;
import co.rtm.hub.geo.FixedCda;
import co.rtm.hub.geo.MobileLineEligibility;
import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.ledger.AuditLog;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.hub.supervision.Alerts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The stays of mobile lines' schedules (table mobile_stays): added under {@link StayRules}, listed, removed, each
 * change audited in its own transaction; and the 30 days to leave when a fixed CDA opens nearby (art. 3.3.3.10).
 */
public final class Schedules {
    public static final String NOT_A_MOBILE_LINE = "NOT_A_MOBILE_LINE";
    public static final String AUDIT_SCHEDULED = "MOBILE_STAY_SCHEDULED";
    public static final String AUDIT_REMOVED = "MOBILE_STAY_REMOVED";
    public static final String AUDIT_LEAVE_BY = "MOBILE_LEAVE_BY_SET";
    /** Alert kind raised for a line that must leave a municipality. */
    public static final String ALERT_MUST_LEAVE = "MOBILE_LINE_MUST_LEAVE";
    /** Art. 3.3.3.10: "dentro de los treinta (30) días siguientes a la notificación de dicha habilitación". */
    public static final int DAYS_TO_LEAVE = 30;

    private static final String COLUMNS = "id, center_id, municipality_code, from_date, to_date, leave_by";

    private final Database db;
    private final Clock clock;
    private final Municipalities municipalities;

    public Schedules(Database db, Clock clock, Municipalities municipalities) {
        this.db = db;
        this.clock = clock;
        this.municipalities = municipalities;
    }

    /**
     * Schedules a stay of mobile line {@code lineId}.
     *
     * @throws NoSuchElementException for an unknown centre
     * @throws StayRefused            when the centre is not a mobile line or {@link StayRules} refuse the stay
     */
    public Stay add(String lineId, String municipalityCode, LocalDate from, LocalDate to) {
        return add(lineId, municipalityCode, from, to, null);
    }

    /** As {@link #add(String, String, LocalDate, LocalDate)}, audited as made by {@code by} (null: nobody named). */
    public Stay add(String lineId, String municipalityCode, LocalDate from, LocalDate to, String by) {
        Stay wanted = new Stay(0, lineId, municipalityCode, from, to, null);
        return db.inTransaction(tx -> {
            lockMobileLine(tx, lineId);
            StayRules.check(wanted, stays(tx, lineId), municipalities, fixedCdas(tx));
            long id;
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO mobile_stays (center_id,"
                    + " municipality_code, from_date, to_date, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, lineId);
                ps.setString(2, municipalityCode);
                ps.setString(3, from.toString());
                ps.setString(4, to.toString());
                ps.setString(5, Timestamps.format(now()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            AuditLog.append(tx, now(), AUDIT_SCHEDULED, lineId, Actors.stamp(by, AuditLog.detail("stayId", id,
                    "municipalityCode", municipalityCode, "from", from.toString(), "to", to.toString())));
            return new Stay(id, lineId, municipalityCode, from, to, null);
        });
    }

    /** The line's stays, earliest first. @throws NoSuchElementException for an unknown centre */
    public List<Stay> list(String lineId) {
        return db.read(tx -> {
            requireCenter(tx, lineId);
            return stays(tx, lineId);
        });
    }

    /** Removes one stay of the line. @throws NoSuchElementException when the line has no such stay */
    public void remove(String lineId, long stayId) {
        remove(lineId, stayId, null);
    }

    /** As {@link #remove(String, long)}, audited as made by {@code by} (null: nobody named). */
    public void remove(String lineId, long stayId, String by) {
        db.inTransaction(tx -> {
            lockMobileLine(tx, lineId);
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM mobile_stays WHERE id = ? AND center_id = ?")) {
                ps.setLong(1, stayId);
                ps.setString(2, lineId);
                if (ps.executeUpdate() != 1) {
                    throw new NoSuchElementException("line " + lineId + " has no stay " + stayId);
                }
            }
            AuditLog.append(tx, now(), AUDIT_REMOVED, lineId, Actors.stamp(by, AuditLog.detail("stayId", stayId)));
            return null;
        });
    }

    /** A line's stays in the caller's transaction, earliest first. */
    public static List<Stay> stays(Tx tx, String lineId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM mobile_stays WHERE center_id = ? ORDER BY from_date, id")) {
            ps.setString(1, lineId);
            return read(ps);
        }
    }

    /** The fixed CDAs with registered coordinates (DESIGN §7: the 50 km rule counts CDAs "con cualquier tipo de línea"). */
    public static List<FixedCda> fixedCdas(Tx tx) throws SQLException {
        List<FixedCda> cdas = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, latitude, longitude FROM centers"
                + " WHERE kind = ? AND latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY id")) {
            ps.setString(1, CenterKind.CDA.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cdas.add(new FixedCda(rs.getString(1), rs.getDouble(2), rs.getDouble(3)));
                }
            }
        }
        return cdas;
    }

    /**
     * Art. 3.3.3.10: a fixed CDA now stands at ({@code latitude}, {@code longitude}). Every current or future stay of
     * a mobile line in a municipality within 50 km of it gets a leave-by date {@value #DAYS_TO_LEAVE} days after
     * today (Bogotá; the hub learning of it stands for the notification), unless it has an earlier one; an alert
     * and an audit entry are written for each line and municipality, in the caller's transaction.
     *
     * @return the stays that got a leave-by date
     */
    public static List<Stay> fixedCdaLocated(Tx tx, Instant now, Municipalities municipalities, String cdaId,
                                             double latitude, double longitude) throws SQLException {
        LocalDate today = now.atZone(OpeningHours.BOGOTA).toLocalDate();
        LocalDate leaveBy = today.plusDays(DAYS_TO_LEAVE);
        List<Stay> candidates;
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM mobile_stays"
                + " WHERE to_date >= ? AND (leave_by IS NULL OR leave_by > ?) ORDER BY center_id, from_date, id")) {
            ps.setString(1, today.toString());
            ps.setString(2, leaveBy.toString());
            candidates = read(ps);
        }
        FixedCda cda = new FixedCda(cdaId, latitude, longitude);
        Map<String, Double> distance = new LinkedHashMap<>();
        List<Stay> changed = new ArrayList<>();
        for (Stay s : candidates) {
            double d = distance.computeIfAbsent(s.municipalityCode(), code -> municipalities.byCode(code).isEmpty()
                    ? Double.POSITIVE_INFINITY
                    : FiftyKmRule.check(municipalities, code, List.of(cda)) instanceof MobileLineEligibility.TooClose t
                    ? t.distanceMetres() : Double.POSITIVE_INFINITY);
            if (d == Double.POSITIVE_INFINITY) {
                continue;
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE mobile_stays SET leave_by = ?, leave_cause = ? WHERE id = ?")) {
                ps.setString(1, leaveBy.toString());
                ps.setString(2, cdaId);
                ps.setLong(3, s.id());
                ps.executeUpdate();
            }
            changed.add(new Stay(s.id(), s.lineId(), s.municipalityCode(), s.from(), s.to(), leaveBy));
            String detail = "fixed CDA " + cdaId + " is " + StayRules.km(d) + " km from municipality " + s.municipalityCode()
                    + " where line " + s.lineId() + " is scheduled " + s.from() + " to " + s.to() + ": it must leave by "
                    + leaveBy + " (art. 3.3.3.10)";
            AuditLog.append(tx, now, AUDIT_LEAVE_BY, s.lineId(), AuditLog.detail("stayId", s.id(), "fixedCda", cdaId,
                    "municipalityCode", s.municipalityCode(), "leaveBy", leaveBy.toString()));
            Alerts.raiseIn(tx, now, ALERT_MUST_LEAVE, s.lineId(), null, detail, null);
        }
        return changed;
    }

    private static List<Stay> read(PreparedStatement ps) throws SQLException {
        List<Stay> stays = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String leaveBy = rs.getString(6);
                stays.add(new Stay(rs.getLong(1), rs.getString(2), rs.getString(3), LocalDate.parse(rs.getString(4)),
                        LocalDate.parse(rs.getString(5)), leaveBy == null ? null : LocalDate.parse(leaveBy)));
            }
        }
        return stays;
    }

    private static void lockMobileLine(Tx tx, String lineId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT kind FROM centers WHERE id = ?" + tx.dialect().forUpdate())) {
            ps.setString(1, lineId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no centre " + lineId);
                }
                if (!CenterKind.MOBILE.name().equals(rs.getString(1))) {
                    throw new StayRefused(NOT_A_MOBILE_LINE, "centre " + lineId + " is a " + rs.getString(1)
                            + ", not a mobile line (kind MOBILE)");
                }
            }
        }
    }

    private static void requireCenter(Tx tx, String lineId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM centers WHERE id = ?")) {
            ps.setString(1, lineId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no centre " + lineId);
                }
            }
        }
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
