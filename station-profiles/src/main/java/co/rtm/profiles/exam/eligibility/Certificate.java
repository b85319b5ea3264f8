package co.rtm.profiles.exam.eligibility;

import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A CRC or CEA certificate on record for a candidate: number, holder, category, issue date and, when the issuer
 * states one, expiry date (the Ministry publishes a CEA certificate's expiry, art. 3.2.4.8; its length is not in the
 * seed). A CRC certificate is valid at most 6 months from issue (art. 3.4.4.11, seed line 1796) whatever it states.
 */
public record Certificate(CertificateKind kind, String number, DocumentId holder, LicenceCategory category,
                          LocalDate issuedOn, LocalDate expiresOn) {
    /** Months a CRC certificate stays valid (art. 3.4.4.11). */
    public static final int CRC_VALID_MONTHS = 6;

    public Certificate {
        Objects.requireNonNull(kind, "kind");
        if (number == null || number.isBlank()) throw new IllegalArgumentException("certificate number is required");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(issuedOn, "issuedOn");
        if (expiresOn != null && expiresOn.isBefore(issuedOn)) throw new IllegalArgumentException("certificate " + number + " expires before it is issued");
    }

    /** The last day it is valid: the stated expiry, and for a CRC never later than issue + 6 months - 1 day. */
    public LocalDate lastValidDay() {
        LocalDate stated = expiresOn;
        if (kind == CertificateKind.CRC) {
            LocalDate cap = issuedOn.plusMonths(CRC_VALID_MONTHS).minusDays(1);
            return stated == null || stated.isAfter(cap) ? cap : stated;
        }
        return stated;
    }

    public boolean validOn(LocalDate day) {
        LocalDate last = lastValidDay();
        return !day.isBefore(issuedOn) && (last == null || !day.isAfter(last));
    }
}
