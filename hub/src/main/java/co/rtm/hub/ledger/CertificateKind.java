package co.rtm.hub.ledger;

/** Certificate series, each numbered 1, 2, 3... across the whole hub. */
public enum CertificateKind {
    RTM, CALE
}
