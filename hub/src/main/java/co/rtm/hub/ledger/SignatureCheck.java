package co.rtm.hub.ledger;

/** Verifies a stored signed envelope with the station key it names; supplied by the envelope code. */
@FunctionalInterface
public interface SignatureCheck {
    boolean verify(String stationId, int keyVersion, byte[] envelope);
}
