package co.rtm.hub.ledger;

import java.util.Objects;

/**
 * A message the hub will not accept, to be stored with its reason. Ids are whatever could be read
 * (any may be null); {@code raw} is the message as received. The array is not copied.
 */
public record Refusal(String messageId, String centerId, String stationId, String topic, String reasonCode,
                      String detail, byte[] raw) {
    public Refusal {
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
