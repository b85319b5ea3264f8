package co.rtm.hub.documents;

import co.rtm.hub.ledger.CertificateKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Says whether a certificate is genuine: a scanned QR text must carry the hub's signature over a seal that equals,
 * field by field, a certificate the ledger issued; a bare number must have been issued.
 */
public final class CertificateVerifier {
    private final Certificates certificates;
    private final byte[] hubPublicKey;

    public CertificateVerifier(Certificates certificates, byte[] hubPublicKey) {
        this.certificates = certificates;
        this.hubPublicKey = hubPublicKey.clone();
    }

    public Verification qr(String qr) {
        CertificateSeal.Checked checked = CertificateSeal.check(qr, hubPublicKey);
        if (checked instanceof CertificateSeal.Checked.Bad bad) {
            return Verification.notGenuine("seal", bad.reason());
        }
        Seal seal = ((CertificateSeal.Checked.Signed) checked).seal();
        Optional<IssuedCertificate> issued = certificates.find(seal.kind(), seal.number());
        if (issued.isEmpty()) {
            return Verification.notGenuine("seal", "the hub never issued " + seal.kind() + " certificate " + seal.number());
        }
        if (!issued.get().seal().equals(seal)) {
            return Verification.notGenuine("seal", seal.kind() + " certificate " + seal.number()
                    + " was issued for another plate or document, or at another time");
        }
        return Verification.genuine("seal", issued.get(), false);
    }

    /**
     * A number alone, {@code 42} or {@code RTM-42} / {@code CALE-42}; {@code kind} (RTM when null) applies to a bare
     * number.
     */
    public Verification number(String number, String kind) {
        String text = number.strip().toUpperCase(Locale.ROOT);
        String kindText = kind == null || kind.isBlank() ? "RTM" : kind.strip().toUpperCase(Locale.ROOT);
        int dash = text.indexOf('-');
        if (dash > 0) {
            kindText = text.substring(0, dash);
            text = text.substring(dash + 1);
        }
        CertificateKind k;
        try {
            k = CertificateKind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            return Verification.notGenuine("number", "unknown certificate kind '" + kindText + "' (RTM or CALE)");
        }
        if (!text.matches("[1-9][0-9]{0,17}")) {
            return Verification.notGenuine("number", "not a certificate number: '" + number.strip() + "'");
        }
        long n = Long.parseLong(text);
        return certificates.find(k, n)
                .map(c -> Verification.genuine("number", c, true))
                .orElseGet(() -> Verification.notGenuine("number", "the hub never issued " + k + " certificate " + n));
    }
}
