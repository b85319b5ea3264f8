package co.rtm.hub.documents;

import co.rtm.hub.ledger.CertificateKind;
import java.time.Instant;

/**
 * A certificate as the ledger holds it: its number, the result that took it, the plate (RTM) or the candidate's
 * document (CALE), the centre, when the result was tested and when the hub issued the number. {@code exam} is null
 * for inspection certificates.
 */
public record IssuedCertificate(CertificateKind kind, long number, String messageId, String subject, String centerId,
                                String centerName, String stationId, Instant testedAt, Instant issuedAt, Long furNumber,
                                Exam exam) {

    /** The approved exam a CALE certificate is for (art. 3.7.3.2.5). */
    public record Exam(String part, String category, String procedure, Instant closedAt) {
    }

    public Seal seal() {
        return new Seal(kind, number, subject, issuedAt);
    }
}
