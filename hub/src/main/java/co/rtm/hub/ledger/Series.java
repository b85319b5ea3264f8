package co.rtm.hub.ledger;

/**
 * A number series, named by its counter row: {@code FUR:<centerId>} per centre, {@code CERT:<kind>}
 * per certificate kind.
 */
public record Series(String key) {
    public static Series fur(String centerId) {
        return new Series("FUR:" + centerId);
    }

    public static Series certificate(CertificateKind kind) {
        return new Series("CERT:" + kind.name());
    }
}
