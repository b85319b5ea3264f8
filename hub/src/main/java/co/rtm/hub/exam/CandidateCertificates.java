package co.rtm.hub.exam;

import co.rtm.hub.ledger.AuditLog;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.store.Tx;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.eligibility.Certificate;
import co.rtm.profiles.exam.eligibility.CertificateKind;
import co.rtm.profiles.person.DocumentId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * CRC and CEA certificates on record at the hub (table {@code candidate_certificates}): what the CALE would look up in
 * RUNT before an exam (art. 3.7.3.1.2). Recorded by an admin (command or REST), audited; a number is recorded once per
 * kind.
 */
public final class CandidateCertificates {
    public static final String AUDIT_RECORDED = "CANDIDATE_CERTIFICATE_RECORDED";

    private final Database db;
    private final Clock clock;

    public CandidateCertificates(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException if a certificate of that kind and number is already on record */
    public Certificate record(Certificate c, String by) {
        Instant now = Timestamps.truncate(clock.instant());
        return db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT 1 FROM candidate_certificates WHERE kind = ? AND number = ?")) {
                ps.setString(1, c.kind().name());
                ps.setString(2, c.number());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalArgumentException(c.kind() + " certificate " + c.number() + " is already on record");
                    }
                }
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO candidate_certificates"
                    + " (kind, number, holder, category, issued_on, expires_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, c.kind().name());
                ps.setString(2, c.number());
                ps.setString(3, c.holder().text());
                ps.setString(4, c.category().name());
                ps.setString(5, c.issuedOn().toString());
                ps.setString(6, c.expiresOn() == null ? null : c.expiresOn().toString());
                ps.setString(7, Timestamps.format(now));
                ps.setString(8, by);
                ps.executeUpdate();
            }
            AuditLog.append(tx, now, AUDIT_RECORDED, c.kind() + ":" + c.number(), AuditLog.detail("kind", c.kind().name(),
                    "number", c.number(), "holder", c.holder().text(), "category", c.category().name(),
                    "issuedOn", c.issuedOn().toString(), "expiresOn", c.expiresOn() == null ? null : c.expiresOn().toString(),
                    "by", by));
            return c;
        });
    }

    public List<Certificate> of(DocumentId holder, LicenceCategory category) {
        return db.read(tx -> of(tx, holder, category));
    }

    static List<Certificate> of(Tx tx, DocumentId holder, LicenceCategory category) throws SQLException {
        List<Certificate> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT kind, number, issued_on, expires_on"
                + " FROM candidate_certificates WHERE holder = ? AND category = ? ORDER BY id")) {
            ps.setString(1, holder.text());
            ps.setString(2, category.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String expires = rs.getString(4);
                    out.add(new Certificate(CertificateKind.valueOf(rs.getString(1)), rs.getString(2), holder, category,
                            LocalDate.parse(rs.getString(3)), expires == null ? null : LocalDate.parse(expires)));
                }
            }
        }
        return out;
    }
}
