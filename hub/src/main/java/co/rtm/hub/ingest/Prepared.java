package co.rtm.hub.ingest;

import co.rtm.hub.ledger.Refusal;
import co.rtm.hub.ledger.Submission;
import co.rtm.profiles.wire.StationEvent;
import co.rtm.profiles.wire.Topic;
import java.time.Instant;

/**
 * A message after every check that needs no database write ({@link Ingestor#prepare}), waiting for its
 * transaction ({@link Ingestor#commit}). Preparing is parallel; committing is serial and batched.
 */
public sealed interface Prepared {

    /** Nothing to store (status, the hub's own downstream topics). */
    Prepared NOTHING = new Nothing();

    record Nothing() implements Prepared {}

    /** A verified, re-scored inspection for the ledger. */
    record Inspect(Topic topic, Submission submission, Reply reply, Instant now) implements Prepared {}

    /** A verified station event for the audit log. */
    record Event(StationEvent event, int keyVersion, byte[] raw, Reply reply, Instant now) implements Prepared {}

    /** A verified track batch of a mobile line, for the fixes table (co.rtm.hub.tracks). */
    record Track(co.rtm.profiles.tracks.TrackBatch batch, Topic topic, int keyVersion, byte[] raw, Reply reply,
                 Instant now) implements Prepared {}

    /** A refusal to store; {@code reply} is null when there is nobody or nothing to answer. */
    record Refuse(Refusal refusal, Reply reply, Instant now) implements Prepared {}
}
