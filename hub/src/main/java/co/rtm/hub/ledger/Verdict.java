package co.rtm.hub.ledger;

/**
 * A result's verdict. INCOMPLETE (an inspection or exam that was not finished) is stored but is
 * not a completed inspection: it gets no FUR and no certificate.
 */
public enum Verdict {
    APPROVED, REJECTED, INCOMPLETE
}
