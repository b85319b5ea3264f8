package co.rtm.hub.tracks;

import java.time.Instant;

/** What storing one track batch came to; maps onto the ack status. */
public sealed interface TrackOutcome {

    /** Newly accepted: its fixes filtered and the accepted ones stored (ack ACCEPTED, once per batch). */
    record Accepted(FixCounts counts, Instant acceptedAt) implements TrackOutcome {
    }

    /** This messageId was accepted before: nothing changed, the first summary again (ack DUPLICATE). */
    record Duplicate(FixCounts counts, Instant acceptedAt) implements TrackOutcome {
    }

    /** Not stored: the caller records the refusal (ack REJECTED with {@code reasonCode}). */
    record Refused(String reasonCode, String detail) implements TrackOutcome {
    }
}
