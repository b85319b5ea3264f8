package co.rtm.hub.ledger;

import co.rtm.hub.exam.ExamLedger;
import co.rtm.hub.mobile.MobileLineCheck;
import co.rtm.hub.mobile.MobileSettings;
import co.rtm.hub.mobile.SqlTrackHistory;
import co.rtm.hub.mobile.TrackHistory;
import co.rtm.hub.store.Database;
import co.rtm.hub.supervision.Alerts;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records results and refusals. Each call is one transaction that stores the row, takes the
 * numbers from the counter rows, advances the station's seq and appends the audit entry, so all of
 * it happens or none of it does.
 *
 * <p>After the station checks of {@link LedgerRules}, {@link OperatingRules} refuses results outside the centre's
 * registered hours, class or accreditation, or over the lane's capacity; the results counted against the capacity
 * are read under the station's lock in the same transaction, so group commit counts its own earlier results.
 * {@link CrossChecks} then compares an inspection with the accepted ones (plate overlap, reused series).
 *
 * <p>Rows are locked in one order (station, plate and series advisory locks, FUR counter, certificate counter, audit head), so
 * concurrent hubs on one PostgreSQL serialise on them without deadlocking.
 */
public final class Ledger {
    /** Audit kinds written here. */
    public static final String AUDIT_RESULT = "RESULT_ACCEPTED";
    public static final String AUDIT_REFUSAL = "MESSAGE_REFUSED";

    private final Database db;
    private final Clock clock;
    private final Function<Tx, TrackHistory> tracks;
    private final MobileSettings mobile;

    public Ledger(Database db, Clock clock) {
        this(db, clock, SqlTrackHistory::new, MobileSettings.fromSystemProperties());
    }

    /** With the GPS track a mobile line's inspections are checked against, and how strictly (DESIGN §7). */
    public Ledger(Database db, Clock clock, Function<Tx, TrackHistory> tracks, MobileSettings mobile) {
        this.db = db;
        this.clock = clock;
        this.tracks = tracks;
        this.mobile = mobile;
    }

    /** Records a verified result: accepted and numbered, a duplicate of an accepted one, or refused. */
    public Outcome accept(Submission s) {
        return db.inTransaction(tx -> acceptIn(tx, s));
    }

    /**
     * {@link #accept} inside a transaction the caller owns, so that several results share one commit (group
     * commit). Results are decided in call order; a later one sees what an earlier one stored.
     */
    public Outcome acceptIn(Tx tx, Submission s) throws SQLException {
        Instant now = Timestamps.truncate(clock.instant());
        StationState station = lockStation(tx, s.stationId()).orElse(null);
        Receipt existing = findReceipt(tx, s.messageId()).orElse(null);
        boolean seqTaken = existing == null && station != null && seqTaken(tx, s.stationId(), s.seq());
        Optional<LedgerDecision> early = LedgerRules.precheck(s, station, existing, seqTaken);
        LaneLimits limits = null;
        if (early.isEmpty()) {
            limits = LaneLimitsReader.read(tx, s.stationId());
            early = operatingRules(tx, s, limits);
        }
        if (early.isEmpty()) {
            early = MobileLineCheck.check(tx, s, limits.mobileLine(), tracks, mobile).map(r -> new LedgerDecision.Refuse(r.code(), r.detail()));
        }
        if (early.isEmpty()) {
            early = PeopleAndRetests.check(tx, s, limits.peopleRegistered());
        }
        if (early.isEmpty()) {
            early = CrossChecks.check(tx, s);
        }
        if (early.isEmpty()) {
            early = ExamLedger.check(tx, s);
        }
        LedgerDecision decision = early.isPresent()
                ? early.get()
                : LedgerRules.decide(s, station, null, false, lockCounters(tx, Numbering.seriesFor(s.type(), s.verdict(), s.centerId())));
        // Java 17: no pattern matching in switch yet
        if (decision instanceof LedgerDecision.Duplicate d) {
            return new Outcome.Duplicate(d.receipt());
        }
        if (decision instanceof LedgerDecision.Refuse r) {
            return refuse(tx, new Refusal(s.messageId(), s.centerId(), s.stationId(), null, r.reasonCode(),
                    r.detail(), s.envelope()), now);
        }
        Receipt receipt = record(tx, s, ((LedgerDecision.Accept) decision).assignment(), now);
        CrossChecks.remember(tx, receipt.resultId(), s);
        ExamLedger.recorded(tx, receipt.resultId(), s);
        return new Outcome.Accepted(receipt);
    }

    /** Accreditation, class, opening hours and capacity; counted in this transaction, so a batch sees its own results. */
    private static Optional<LedgerDecision> operatingRules(Tx tx, Submission s, LaneLimits limits) throws SQLException {
        long acceptedInHour = limits.capacityLimited()
                ? LaneLimitsReader.acceptedIn(tx, s.stationId(), ClockHour.of(s.startedAt())) : 0;
        return OperatingRules.check(s, limits, acceptedInHour);
    }

    /** Stores a refusal decided elsewhere (bad signature, invalid payload, wrong verdict...). Never numbered. */
    public Outcome.Refused recordRefusal(Refusal refusal) {
        return db.inTransaction(tx -> recordRefusalIn(tx, refusal));
    }

    /** {@link #recordRefusal} inside a transaction the caller owns. */
    public Outcome.Refused recordRefusalIn(Tx tx, Refusal refusal) throws SQLException {
        return refuse(tx, refusal, Timestamps.truncate(clock.instant()));
    }

    /** The receipt of an accepted result, by messageId. */
    public Optional<Receipt> find(String messageId) {
        return db.read(tx -> findReceipt(tx, messageId));
    }

    private Receipt record(Tx tx, Submission s, Assignment a, Instant now) throws SQLException {
        long id;
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO results (message_id, center_id, station_id, key_version, seq, result_type, subject, verdict,"
                        + " fur_number, certificate_kind, certificate_number, tested_at, received_at, envelope, payload, started_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, s.messageId());
            ps.setString(2, s.centerId());
            ps.setString(3, s.stationId());
            ps.setInt(4, s.keyVersion());
            ps.setLong(5, s.seq());
            ps.setString(6, s.type().name());
            ps.setString(7, s.subject());
            ps.setString(8, s.verdict().name());
            setLong(ps, 9, a.furNumber());
            ps.setString(10, a.certificateKind() == null ? null : a.certificateKind().name());
            setLong(ps, 11, a.certificateNumber());
            ps.setString(12, Timestamps.format(s.testedAt()));
            ps.setString(13, Timestamps.format(now));
            ps.setBytes(14, s.envelope());
            ps.setString(15, s.payloadJson());
            ps.setString(16, Timestamps.format(Timestamps.truncate(s.startedAt())));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        PeopleAndRetests.recorded(tx, id, s);
        for (Map.Entry<Series, Long> e : a.nextValuesAfter().entrySet()) {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE counters SET next_value = ? WHERE series = ? AND next_value = ?")) {
                ps.setLong(1, e.getValue());
                ps.setString(2, e.getKey().key());
                ps.setLong(3, e.getValue() - 1);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("counter " + e.getKey().key() + " moved under its lock");
                }
            }
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE stations SET last_seq = ? WHERE id = ? AND (last_seq IS NULL OR last_seq < ?)")) {
            ps.setLong(1, s.seq());
            ps.setString(2, s.stationId());
            ps.setLong(3, s.seq());
            ps.executeUpdate();
        }
        Map<String, Object> detail = AuditDetails.result(id, s.centerId(), s.stationId(), s.keyVersion(), s.seq(),
                s.type().name(), s.subject(), s.verdict().name(), a.furNumber(),
                a.certificateKind() == null ? null : a.certificateKind().name(), a.certificateNumber(), s.envelope());
        AuditLog.append(tx, now, AUDIT_RESULT, s.messageId(), detail);
        return new Receipt(s.messageId(), id, a.furNumber(), a.certificateKind(), a.certificateNumber(), now);
    }

    private static Outcome.Refused refuse(Tx tx, Refusal r, Instant now) throws SQLException {
        long id;
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO refusals (message_id, center_id, station_id, topic, reason_code, detail, raw, received_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, r.messageId());
            ps.setString(2, r.centerId());
            ps.setString(3, r.stationId());
            ps.setString(4, r.topic());
            ps.setString(5, r.reasonCode());
            ps.setString(6, r.detail());
            if (r.raw() == null) {
                ps.setNull(7, Types.BINARY);
            } else {
                ps.setBytes(7, r.raw());
            }
            ps.setString(8, Timestamps.format(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        Map<String, Object> detail = AuditDetails.refusal(id, r.messageId(), r.centerId(), r.stationId(), r.topic(),
                r.reasonCode(), r.raw());
        AuditLog.append(tx, now, AUDIT_REFUSAL, r.messageId() == null ? "-" : r.messageId(), detail);
        Alerts.raiseIn(tx, now, r.reasonCode(), r.centerId(), r.stationId(), r.detail(), id);
        return new Outcome.Refused(id, r.messageId(), r.reasonCode(), r.detail());
    }

    private static Optional<StationState> lockStation(Tx tx, String stationId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT center_id, active, last_seq FROM stations WHERE id = ?" + tx.dialect().forUpdate())) {
            ps.setString(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long last = rs.getLong(3);
                return Optional.of(new StationState(stationId, rs.getString(1), rs.getBoolean(2), rs.wasNull() ? null : last));
            }
        }
    }

    /** {@link #lockCounters} for {@link BatchLocks}: the rows of {@code series}, in the order given. */
    static void lockCountersInOrder(Tx tx, List<Series> series) throws SQLException {
        lockCounters(tx, series);
    }

    /** Locks the counter rows of {@code series} in order, creating missing ones at 1, and returns their next values. */
    private static Map<Series, Long> lockCounters(Tx tx, List<Series> series) throws SQLException {
        Map<Series, Long> next = new HashMap<>();
        for (Series s : series) {
            Long value = lockCounter(tx, s);
            if (value == null) {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "INSERT INTO counters (series, next_value) VALUES (?, 1) ON CONFLICT (series) DO NOTHING")) {
                    ps.setString(1, s.key());
                    ps.executeUpdate();
                }
                value = lockCounter(tx, s);
                if (value == null) {
                    throw new SQLException("counter " + s.key() + " could not be created");
                }
            }
            next.put(s, value);
        }
        return next;
    }

    private static Long lockCounter(Tx tx, Series s) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT next_value FROM counters WHERE series = ?" + tx.dialect().forUpdate())) {
            ps.setString(1, s.key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static boolean seqTaken(Tx tx, String stationId, long seq) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT 1 FROM results WHERE station_id = ? AND seq = ?")) {
            ps.setString(1, stationId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<Receipt> findReceipt(Tx tx, String messageId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id, fur_number, certificate_kind, certificate_number, received_at FROM results WHERE message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                Long fur = getLong(rs, 2);
                String kind = rs.getString(3);
                Long cert = getLong(rs, 4);
                return Optional.of(new Receipt(messageId, id, fur, kind == null ? null : CertificateKind.valueOf(kind), cert,
                        Timestamps.parse(rs.getString(5))));
            }
        }
    }

    static Long getLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
