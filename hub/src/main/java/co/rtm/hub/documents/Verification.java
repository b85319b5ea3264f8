package co.rtm.hub.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The public answer about one certificate. {@code checked} is {@code "seal"} when a scanned QR text was checked
 * (signature and ledger), {@code "number"} when only a number was looked up. {@code plate} is set for RTM
 * certificates, {@code document} for CALE ones; a number-only lookup of a CALE certificate shows the document
 * masked, since anyone may ask about any number. Not genuine: {@code reason} says why, nothing else is claimed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(boolean genuine, String checked, String reason, String kind, Long number, String plate,
                           String document, Instant issuedAt, String center) {

    static Verification notGenuine(String checked, String reason) {
        return new Verification(false, checked, reason, null, null, null, null, null, null);
    }

    static Verification genuine(String checked, IssuedCertificate c, boolean maskDocument) {
        boolean rtm = c.kind() == co.rtm.hub.ledger.CertificateKind.RTM;
        String document = rtm ? null : maskDocument ? mask(c.subject()) : c.subject();
        return new Verification(true, checked, null, c.kind().name(), c.number(), rtm ? c.subject() : null, document,
                c.issuedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), c.centerName());
    }

    /** {@code CC-79123456} -> {@code CC-****3456}. */
    static String mask(String document) {
        int keep = Math.min(4, document.length());
        int dash = document.indexOf('-');
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < document.length(); i++) {
            out.append(i <= dash || i >= document.length() - keep ? document.charAt(i) : '*');
        }
        return out.toString();
    }
}
