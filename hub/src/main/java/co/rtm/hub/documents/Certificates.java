package co.rtm.hub.documents;

import co.rtm.hub.ledger.CertificateKind;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads issued certificates from the ledger's results (no table of their own: the number lives on the result). */
public final class Certificates {
    private static final String SELECT = "SELECT r.certificate_kind, r.certificate_number, r.message_id, r.subject,"
            + " r.center_id, c.name, r.station_id, r.tested_at, r.received_at, r.fur_number,"
            + " e.part, e.category, e.procedure_kind, e.closed_at"
            + " FROM results r JOIN centers c ON c.id = r.center_id LEFT JOIN exams e ON e.result_id = r.id";

    private final Database db;

    public Certificates(Database db) {
        this.db = db;
    }

    public Optional<IssuedCertificate> find(CertificateKind kind, long number) {
        return db.read(tx -> one(tx, SELECT + " WHERE r.certificate_kind = ? AND r.certificate_number = ?", kind.name(), number));
    }

    /** The certificate of one result, if it took one. */
    public Optional<IssuedCertificate> ofResult(String messageId) {
        return db.read(tx -> one(tx, SELECT + " WHERE r.message_id = ? AND r.certificate_number IS NOT NULL", messageId));
    }

    private static Optional<IssuedCertificate> one(Tx tx, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long furValue = rs.getLong("fur_number");
                Long fur = rs.wasNull() ? null : furValue;
                String part = rs.getString("part");
                IssuedCertificate.Exam exam = part == null ? null : new IssuedCertificate.Exam(part, rs.getString("category"),
                        rs.getString("procedure_kind"), Timestamps.parse(rs.getString("closed_at")));
                return Optional.of(new IssuedCertificate(CertificateKind.valueOf(rs.getString("certificate_kind")),
                        rs.getLong("certificate_number"), rs.getString("message_id"), rs.getString("subject"),
                        rs.getString("center_id"), rs.getString("name"), rs.getString("station_id"),
                        Timestamps.parse(rs.getString("tested_at")), Timestamps.parse(rs.getString("received_at")),
                        fur, exam));
            }
        }
    }
}
