package co.rtm.hub.feed;

import java.time.Instant;

/**
 * One result as the live feed shows it: accepted (with its numbers) or refused (with the reason code).
 * {@code type} is INSPECTION or EXAM for accepted results, the topic kind for refusals.
 */
public record FeedEvent(String outcome, String messageId, String centerId, String stationId, String type, String subject,
                        String verdict, Long furNumber, Long certificateNumber, String reasonCode, Instant at) {
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REFUSED = "REFUSED";
}
