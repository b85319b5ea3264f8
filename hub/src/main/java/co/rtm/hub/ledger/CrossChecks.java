package co.rtm.hub.ledger;

import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.store.Dialect;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The plausibility checks that compare an inspection with those already accepted, inside the ledger's transaction
 * (docs/rules-plausibility.md): the same plate on another station at an overlapping time ({@code PLATE_OVERLAP}),
 * and a raw instrument series equal to one accepted for another plate ({@code SERIES_REUSED}).
 *
 * <p>Two inspections that collide come from different stations, so the station row lock does not order them. On
 * PostgreSQL each check first takes a transaction-scoped advisory lock on its plate and on each series fingerprint
 * (in ascending key order, so two hubs cannot deadlock on them); the second hub then waits for the first to commit and,
 * READ COMMITTED, sees its row. On SQLite {@code BEGIN IMMEDIATE} already serialises every writer.
 */
final class CrossChecks {
    private CrossChecks() {
    }

    static Optional<LedgerDecision> check(Tx tx, Submission s) throws SQLException {
        if (s.type() != ResultType.INSPECTION) {
            return Optional.empty();
        }
        lock(tx, s);
        Optional<LedgerDecision> overlap = overlap(tx, s);
        return overlap.isPresent() ? overlap : reusedSeries(tx, s);
    }

    /** Stores the fingerprints of an accepted inspection's series. */
    static void remember(Tx tx, long resultId, Submission s) throws SQLException {
        if (s.type() != ResultType.INSPECTION || s.seriesPrints().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO result_series (result_id, test, sha256) VALUES (?, ?, ?)")) {
            for (SeriesPrint p : s.seriesPrints()) {
                ps.setLong(1, resultId);
                ps.setString(2, p.test());
                ps.setString(3, p.sha256());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Intervals are half-open, [startedAt, testedAt): one inspection ending at the second another starts does not
     * overlap it (the stations' clocks are not that precise, and a plate can leave one lane as it enters another).
     */
    private static Optional<LedgerDecision> overlap(Tx tx, Submission s) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT center_id, station_id, COALESCE(started_at, tested_at), tested_at FROM results"
                        + " WHERE subject = ? AND result_type = 'INSPECTION' AND station_id <> ?"
                        + " AND COALESCE(started_at, tested_at) < ? AND tested_at > ? ORDER BY id LIMIT 1")) {
            ps.setString(1, s.subject());
            ps.setString(2, s.stationId());
            ps.setString(3, Timestamps.format(s.testedAt()));
            ps.setString(4, Timestamps.format(Timestamps.truncate(s.startedAt())));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return refuse(RefusalReasons.PLATE_OVERLAP, "plate " + s.subject() + " was under inspection on station "
                        + rs.getString(2) + " of centre " + rs.getString(1) + " from " + bogota(rs.getString(3)) + " to "
                        + bogota(rs.getString(4)) + ", overlapping this inspection (" + bogota(s.startedAt()) + " to "
                        + bogota(s.testedAt()) + ", Bogotá)");
            }
        }
    }

    private static Optional<LedgerDecision> reusedSeries(Tx tx, Submission s) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT r.subject, r.center_id, r.station_id, r.id, rs.test FROM result_series rs"
                        + " JOIN results r ON r.id = rs.result_id WHERE rs.sha256 = ? AND r.subject <> ? ORDER BY r.id LIMIT 1")) {
            for (SeriesPrint p : s.seriesPrints()) {
                ps.setString(1, p.sha256());
                ps.setString(2, s.subject());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return refuse(RefusalReasons.SERIES_REUSED, "the " + p.test() + " series (sha256 "
                                + p.sha256().substring(0, 16) + "...) equals the " + rs.getString(5) + " series of plate "
                                + rs.getString(1) + ", result " + rs.getLong(4) + " from station " + rs.getString(3)
                                + " of centre " + rs.getString(2));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void lock(Tx tx, Submission s) throws SQLException {
        if (tx.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        TreeSet<Long> keys = new TreeSet<>();
        keys.add(key("plate:" + s.subject()));
        for (SeriesPrint p : s.seriesPrints()) {
            keys.add(key("series:" + p.sha256()));
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            for (long k : keys) {
                ps.setLong(1, k);
                ps.execute();
            }
        }
    }

    /** 64 bits of SHA-256: a collision only makes two unrelated inspections wait for each other. */
    static long key(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bogota(String stored) {
        return bogota(Timestamps.parse(stored));
    }

    private static String bogota(Instant instant) {
        return instant.atZone(OpeningHours.BOGOTA).toLocalDateTime().toString();
    }

    private static Optional<LedgerDecision> refuse(String code, String detail) {
        return Optional.of(new LedgerDecision.Refuse(code, detail));
    }
}
