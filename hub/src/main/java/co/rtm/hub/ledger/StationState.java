package co.rtm.hub.ledger;

/** What the ledger needs to know about the submitting station, as read (and locked) in the transaction. */
public record StationState(String stationId, String centerId, boolean active, Long lastSeq) {
}
