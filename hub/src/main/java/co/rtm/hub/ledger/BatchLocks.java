package co.rtm.hub.ledger;

import co.rtm.hub.store.Tx;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Group commit keeps {@link Ledger}'s one lock order across a whole batch. One result locks its station, then its
 * counters, then the audit head; a batch of results decided one after the other would lock station 1, counters 1,
 * audit head, station 2..., and two hub instances committing batches on one PostgreSQL then deadlock (found by
 * {@code ScaleOutSpeed}: "deadlock detected", the batch rolled back and retried one by one after a second).
 * {@link #lock} takes every station row (sorted), every FUR counter then every certificate counter (each sorted) and
 * the audit head up front, in that order; the per-result locks that follow are then already held. The audit head is one row every ingestion
 * transaction takes, so committing batches are serial on PostgreSQL anyway: several instances add availability
 * and parallel verification, not ledger write throughput.
 */
public final class BatchLocks {
    private BatchLocks() {}

    /** @param stations every station the batch writes for; {@code submissions} the results it will decide */
    public static void lock(Tx tx, Collection<String> stations, Collection<Submission> submissions) throws SQLException {
        for (String station : new TreeSet<>(stations)) {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT 1 FROM stations WHERE id = ?" + tx.dialect().forUpdate())) {
                ps.setString(1, station);
                ps.executeQuery().close();
            }
        }
        // FUR counters before certificate counters, as one result takes them (Ledger's class comment), each sorted
        TreeMap<String, Series> series = new TreeMap<>((a, b) -> {
            int fa = a.startsWith("FUR:") ? 0 : 1;
            int fb = b.startsWith("FUR:") ? 0 : 1;
            return fa != fb ? Integer.compare(fa, fb) : a.compareTo(b);
        });
        for (Submission s : submissions) {
            for (Series one : Numbering.seriesFor(s.type(), s.verdict(), s.centerId())) {
                series.put(one.key(), one);
            }
        }
        Ledger.lockCountersInOrder(tx, List.copyOf(series.values()));
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT last_id FROM audit_head WHERE id = 1" + tx.dialect().forUpdate());
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row is missing");
            }
        }
    }
}
