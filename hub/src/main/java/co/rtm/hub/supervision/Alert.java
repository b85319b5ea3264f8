package co.rtm.hub.supervision;

import java.time.Instant;

/**
 * Something a supervisor should look at. {@code kind} is the refusal's reason code for alerts raised by a refusal
 * ({@code refusalId} set), or what a station event reported ({@code INSTRUMENT_FAULT},
 * {@code INSTRUMENT_CALIBRATION_EXPIRED}: {@code eventMessageId} and {@code instrument} set); {@code ackedBy},
 * {@code ackedAt} and {@code ackComment} are null while it is open.
 */
public record Alert(long id, String kind, String centerId, String stationId, String detail, Long refusalId,
                    Instant createdAt, String ackedBy, Instant ackedAt, String ackComment, String instrument,
                    String eventMessageId) {
    public boolean open() {
        return ackedAt == null;
    }
}
