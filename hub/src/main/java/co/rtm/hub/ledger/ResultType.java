package co.rtm.hub.ledger;

/** What a result is: a vehicle inspection (RTMyEC) or a driver's exam (CALE). */
public enum ResultType {
    INSPECTION(CertificateKind.RTM),
    EXAM(CertificateKind.CALE);

    private final CertificateKind certificateKind;

    ResultType(CertificateKind certificateKind) {
        this.certificateKind = certificateKind;
    }

    /** The certificate series an approved result of this type draws from. */
    public CertificateKind certificateKind() {
        return certificateKind;
    }
}
