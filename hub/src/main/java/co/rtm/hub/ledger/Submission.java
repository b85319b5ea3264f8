package co.rtm.hub.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified, re-scored result ready to be recorded. {@code envelope} is the signed envelope exactly
 * as received; {@code payloadJson} its payload; {@code testedAt} the station's clock; {@code subject}
 * the plate (inspection) or document number (exam). The array is not copied.
 */
public record Submission(String messageId, String centerId, String stationId, int keyVersion, long seq,
                         ResultType type, String subject, Verdict verdict, Instant testedAt,
                         byte[] envelope, String payloadJson) {
    public Submission {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(centerId, "centerId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(testedAt, "testedAt");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
