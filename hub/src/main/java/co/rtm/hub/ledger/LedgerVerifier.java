package co.rtm.hub.ledger;

import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a whole ledger in one consistent read: every FUR series (per centre) and certificate
 * series (per kind) is exactly 1..N with no duplicate, every stored signature verifies, every
 * result carries the numbers its verdict calls for, and the audit hash chain is intact and agrees
 * with the result and refusal rows.
 */
public final class LedgerVerifier {
    private static final int MAX_PROBLEMS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final SignatureCheck signatures;

    /** Without a signature check: {@code badSignatures} is 0. */
    public LedgerVerifier(Database db) {
        this(db, null);
    }

    public LedgerVerifier(Database db, SignatureCheck signatures) {
        this.db = db;
        this.signatures = signatures;
    }

    public Verification verify() {
        return db.read(this::verify);
    }

    private Verification verify(Tx tx) throws SQLException {
        Problems problems = new Problems();

        // 1. the audit chain, remembering what it says about each result and refusal
        Map<String, String> resultEntries = new HashMap<>();
        Map<Long, String> refusalEntries = new HashMap<>();
        boolean auditOk = walkAudit(tx, problems, resultEntries, refusalEntries);

        // 2. results: counts, numbers per series, signatures, agreement with the audit log
        long results = 0;
        long approved = 0;
        long rejected = 0;
        long certificates = 0;
        long badSignatures = 0;
        long misnumbered = 0;
        Map<String, LongList> numbers = new TreeMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id, message_id, center_id, station_id, key_version, seq, result_type, subject, verdict,"
                        + " fur_number, certificate_kind, certificate_number, envelope FROM results ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                results++;
                long id = rs.getLong("id");
                String messageId = rs.getString("message_id");
                String centerId = rs.getString("center_id");
                String stationId = rs.getString("station_id");
                int keyVersion = rs.getInt("key_version");
                String type = rs.getString("result_type");
                String verdict = rs.getString("verdict");
                Long fur = Ledger.getLong(rs, 10);
                String kind = rs.getString("certificate_kind");
                Long cert = Ledger.getLong(rs, 12);
                byte[] envelope = rs.getBytes("envelope");
                if ("APPROVED".equals(verdict)) {
                    approved++;
                } else if ("REJECTED".equals(verdict)) {
                    rejected++;
                }
                if (cert != null) {
                    certificates++;
                }
                if (fur != null) {
                    numbers.computeIfAbsent(Series.fur(centerId).key(), k -> new LongList()).add(fur);
                }
                if (cert != null && kind != null) {
                    numbers.computeIfAbsent("CERT:" + kind, k -> new LongList()).add(cert);
                }
                String wrong = numberingProblem(type, verdict, fur, kind, cert);
                if (wrong != null) {
                    misnumbered++;
                    problems.add("result " + messageId + ": " + wrong);
                }
                if (signatures != null && !signatureOk(stationId, keyVersion, envelope)) {
                    badSignatures++;
                    problems.add("result " + messageId + ": signature does not verify with key " + stationId + "#" + keyVersion);
                }
                String expected = AuditLog.toJson(AuditDetails.result(id, centerId, stationId, keyVersion,
                        rs.getLong("seq"), type, rs.getString("subject"), verdict, fur, kind, cert, envelope));
                String audited = resultEntries.remove(messageId);
                if (audited == null) {
                    auditOk = false;
                    problems.add("result " + messageId + " has no audit entry");
                } else if (!audited.equals(expected)) {
                    auditOk = false;
                    problems.add("result " + messageId + " differs from its audit entry");
                }
            }
        }
        for (String messageId : resultEntries.keySet()) {
            auditOk = false;
            problems.add("audit entry for result " + messageId + " but no such result");
        }

        // 3. refusals
        long refused = 0;
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id, message_id, center_id, station_id, topic, reason_code, raw FROM refusals ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                refused++;
                long id = rs.getLong("id");
                String expected = AuditLog.toJson(AuditDetails.refusal(id, rs.getString("message_id"),
                        rs.getString("center_id"), rs.getString("station_id"), rs.getString("topic"),
                        rs.getString("reason_code"), rs.getBytes("raw")));
                String audited = refusalEntries.remove(id);
                if (audited == null || !audited.equals(expected)) {
                    auditOk = false;
                    problems.add("refusal " + id + (audited == null ? " has no audit entry" : " differs from its audit entry"));
                }
            }
        }
        for (Long id : refusalEntries.keySet()) {
            auditOk = false;
            problems.add("audit entry for refusal " + id + " but no such refusal");
        }

        // 4. number series against their counters
        Map<String, Long> counters = new HashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT series, next_value FROM counters");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counters.put(rs.getString(1), rs.getLong(2));
                numbers.computeIfAbsent(rs.getString(1), k -> new LongList());
            }
        }
        long furGaps = 0;
        long certificateGaps = 0;
        long duplicates = 0;
        for (Map.Entry<String, LongList> e : numbers.entrySet()) {
            SeriesCheck.Findings f = SeriesCheck.check(e.getValue().toArray(), counters.get(e.getKey()));
            if (e.getKey().startsWith("FUR:")) {
                furGaps += f.gaps();
            } else {
                certificateGaps += f.gaps();
            }
            duplicates += f.duplicates();
            if (!f.clean()) {
                problems.add("series " + e.getKey() + " (counter next " + counters.get(e.getKey()) + "): "
                        + f.gaps() + " missing, " + f.duplicates() + " duplicate or beyond the counter");
            }
        }

        boolean ok = furGaps == 0 && certificateGaps == 0 && duplicates == 0 && badSignatures == 0
                && auditOk && misnumbered == 0;
        LedgerReport report = new LedgerReport(results, approved, rejected, refused, certificates, furGaps,
                certificateGaps, duplicates, badSignatures, auditOk, ok);
        return new Verification(report, problems.list());
    }

    private boolean walkAudit(Tx tx, Problems problems, Map<String, String> resultEntries,
                              Map<Long, String> refusalEntries) throws SQLException {
        AuditChain.Walker walker = new AuditChain.Walker();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id, at, kind, subject, detail, prev_hash, hash FROM audit_log ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                AuditEntry e = new AuditEntry(rs.getLong(1), Timestamps.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                walker.accept(e);
                if (Ledger.AUDIT_RESULT.equals(e.kind())) {
                    if (resultEntries.put(e.subject(), e.detail()) != null) {
                        problems.add("two audit entries accept result " + e.subject());
                    }
                } else if (Ledger.AUDIT_REFUSAL.equals(e.kind())) {
                    Long refusalId = refusalId(e.detail());
                    if (refusalId == null) {
                        problems.add("audit entry " + e.id() + " names no refusal");
                    } else {
                        refusalEntries.put(refusalId, e.detail());
                    }
                }
            }
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                walker.finish(rs.getLong(1), rs.getString(2));
            } else {
                walker.finish(-1, "");
            }
        }
        walker.problem().ifPresent(problems::add);
        return walker.problem().isEmpty();
    }

    private static Long refusalId(String detail) {
        try {
            JsonNode node = JSON.readTree(detail).get("refusalId");
            return node != null && node.canConvertToLong() ? node.asLong() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private boolean signatureOk(String stationId, int keyVersion, byte[] envelope) {
        try {
            return signatures.verify(stationId, keyVersion, envelope);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What is wrong with a result's numbers given its type and verdict, or null. */
    static String numberingProblem(String type, String verdict, Long fur, String kind, Long cert) {
        ResultType t;
        Verdict v;
        try {
            t = ResultType.valueOf(type);
            v = Verdict.valueOf(verdict);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "unknown type or verdict " + type + "/" + verdict;
        }
        if (Numbering.takesFur(t, v) != (fur != null)) {
            return fur == null ? "a completed inspection without FUR" : "a FUR on a " + v + " " + t;
        }
        if (Numbering.takesCertificate(v) != (cert != null)) {
            return cert == null ? "an approved result without certificate" : "a certificate on a " + v + " result";
        }
        if (cert != null && !t.certificateKind().name().equals(kind)) {
            return "a " + kind + " certificate on a " + t;
        }
        return null;
    }

    private static final class Problems {
        private final List<String> list = new ArrayList<>();
        private long dropped;

        void add(String problem) {
            if (list.size() < MAX_PROBLEMS) {
                list.add(problem);
            } else {
                dropped++;
            }
        }

        List<String> list() {
            if (dropped == 0) {
                return list;
            }
            List<String> all = new ArrayList<>(list);
            all.add("... and " + dropped + " more");
            return all;
        }
    }

    /** A growable array of longs, to hold a series' numbers without boxing. */
    private static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
