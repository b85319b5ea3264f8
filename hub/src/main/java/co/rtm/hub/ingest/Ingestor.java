package co.rtm.hub.ingest;

import co.rtm.hub.exam.ExamIntake;
import co.rtm.hub.feed.FeedEvent;
import co.rtm.hub.feed.LiveFeed;
import co.rtm.hub.exam.Impersonation;
import co.rtm.hub.ledger.BatchLocks;
import co.rtm.hub.ledger.Ledger;
import co.rtm.hub.ledger.Outcome;
import co.rtm.hub.ledger.Refusal;
import co.rtm.hub.ledger.RefusalReasons;
import co.rtm.hub.ledger.Submission;
import co.rtm.hub.store.Database;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.hub.transport.MessageHandler;
import co.rtm.profiles.exam.review.ExamReviewer;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EnvelopeException;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationEvent;
import co.rtm.profiles.wire.Topic;
import co.rtm.profiles.wire.TopicKind;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.ArrayList;
import java.sql.SQLException;
import co.rtm.hub.store.Tx;
import java.util.UUID;
import co.rtm.hub.tracks.TrackFilter;
import co.rtm.hub.tracks.TrackLimits;
import co.rtm.hub.tracks.TrackOutcome;
import co.rtm.hub.tracks.StationSeqs;
import co.rtm.hub.tracks.TrackStore;
import co.rtm.profiles.tracks.TrackBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion (DESIGN §3): every message stations publish under {@code runt/v1/{center}/{station}/...}.
 *
 * <p>An {@code inspection} is parsed once, checked by {@link SignatureGate}, re-scored by
 * {@link InspectionCheck} and handed to {@link Ledger#accept}, which numbers it, answers a known
 * messageId with its first numbers, or refuses a replayed seq. {@code event}s pass the same
 * signature checks and go to the audit log; {@code status} is remembered in {@link StationPresence};
 * {@code exam}s are checked by {@link ExamIntake} and go to the same ledger (docs/cale-hub.md);
 * {@code track} batches pass the same checks and go to {@link TrackStore} (per-fix filters, fixes table).
 *
 * <p>Every refusal is stored through the ledger with its reason, counted, logged, and answered with
 * a signed {@code REJECTED} ack, except when no messageId can be read at all (nothing to answer).
 * Acks go to the response topic the station gave if it is the station's own ack topic, otherwise to
 * that ack topic, with the correlation data echoed.
 *
 * <p>Returns only after the outcome is committed, so the MQTT acknowledgement that follows never
 * precedes the ledger; a database failure propagates so the message is delivered again.
 */
public final class Ingestor implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);
    private static final ObjectMapper LENIENT = new ObjectMapper();

    private final Database db;
    private final Ledger ledger;
    private final StationDirectory directory;
    private final InspectionCheck inspections;
    private final ExamIntake exams = new ExamIntake(ExamReviewer.builtIn());
    private final StationEventLog events;
    private final TrackStore tracks;
    private final Acks acks;
    private final AckSink sink;
    private final Clock clock;
    private final IngestCounters counters = new IngestCounters();
    private final StationPresence presence = new StationPresence();
    private final LiveFeed feed = new LiveFeed();

    public Ingestor(Database db, Ledger ledger, StationDirectory directory, Scorer scorer, SigningKey hubKey,
                    AckSink sink, Clock clock) {
        this(db, ledger, directory, scorer, hubKey, sink, clock, TrackLimits.defaults());
    }

    /** With the bounds of the track filters (stale, future, jump). */
    public Ingestor(Database db, Ledger ledger, StationDirectory directory, Scorer scorer, SigningKey hubKey,
                    AckSink sink, Clock clock, TrackLimits trackLimits) {
        this.tracks = new TrackStore(new TrackFilter(trackLimits));
        this.db = db;
        this.ledger = ledger;
        this.directory = directory;
        this.inspections = new InspectionCheck(scorer);
        this.events = new StationEventLog(db, clock);
        this.acks = new Acks(hubKey);
        this.sink = sink;
        this.clock = clock;
    }

    public IngestCounts counts() {
        return counters.snapshot();
    }

    public StationPresence presence() {
        return presence;
    }

    /** Accepted and refused results as they are committed, for the dashboard's live feed (never blocks ingestion). */
    public LiveFeed feed() {
        return feed;
    }

    /** One message, prepared and committed on its own: {@link #prepare} then {@link #commit}. */
    @Override
    public void handle(InboundMessage message) {
        commit(List.of(prepare(message)));
    }

    /**
     * Everything that needs no database write: topic, envelope, ids, signature, payload, re-scoring. Safe to call
     * from several threads at once; the result goes to {@link #commit}.
     */
    public Prepared prepare(InboundMessage message) {
        Instant now = clock.instant();
        Topic topic;
        try {
            topic = Topic.parse(message.topic());
        } catch (IllegalArgumentException e) {
            // the broker only lets stations publish on their own well-formed topics: nobody to answer
            return new Prepared.Refuse(new Refusal(null, null, null, message.topic(), RejectReason.TOPIC_MISMATCH.name(),
                    "not a station topic: " + e.getMessage(), message.payload()), null, now);
        }
        return switch (topic.kind()) {
            case STATUS -> {
                presence.record(topic.centerId(), topic.stationId(), new String(message.payload(), StandardCharsets.UTF_8), now);
                yield Prepared.NOTHING;
            }
            case ACK, CONFIG -> {
                LOG.debug("ignored a downstream message on {}", topic);
                yield Prepared.NOTHING;
            }
            case INSPECTION, EVENT, EXAM, TRACK -> signed(topic, message, now);
        };
    }

    /**
     * Stores the outcomes of {@code batch} in one transaction (one commit, one fsync, for all of them), then
     * answers each in order. Returns once committed and answered; a database failure propagates and nothing of the
     * batch is stored or answered, so the messages can be delivered again. Not thread-safe: one committer at a time.
     */
    public void commit(List<Prepared> batch) {
        for (Answer a : store(batch)) {
            if (a != null) {
                a.send();
            }
        }
    }

    /**
     * {@link #commit} but for the answers' signatures: stores and counts the batch's outcomes (counters and live feed
     * in commit order) and returns, per message and in batch order, the ack still to sign and send, or null when there
     * is nobody to answer. {@link IngestPipeline} signs them on other threads while the next batch commits. Not
     * thread-safe: one committer at a time; {@link Answer#send} is.
     */
    public List<Answer> store(List<Prepared> batch) {
        List<Object> decided = db.inTransaction(tx -> {
            if (batch.size() > 1) {
                lockInOrder(tx, batch);
            }
            List<Object> out = new ArrayList<>(batch.size());
            for (Prepared p : batch) {
                out.add(decide(tx, p));
            }
            return out;
        });
        CrashPoint.committed(batch.size());
        List<Answer> answers = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Ack ack = ackFor(batch.get(i), decided.get(i));
            Reply reply = ack == null ? null : replyOf(batch.get(i), ack);
            answers.add(reply == null ? null : new Answer(reply, ack));
        }
        return answers;
    }

    /** A committed outcome's ack, not signed yet: {@link #send} signs it with the hub key and publishes it. */
    public final class Answer {
        private final Reply reply;
        private final Ack ack;

        private Answer(Reply reply, Ack ack) {
            this.reply = reply;
            this.ack = ack;
        }

        /** Signs and sends; a failure to send is logged (the station resends and gets the same answer again). */
        public void send() {
            Ingestor.this.send(reply, ack);
        }
    }

    /** Takes the batch's station, counter and audit-head locks in the ledger's one order (co.rtm.hub.ledger.BatchLocks). */
    private static void lockInOrder(Tx tx, List<Prepared> batch) throws SQLException {
        List<String> stations = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>();
        for (Prepared p : batch) {
            if (p instanceof Prepared.Inspect i) {
                stations.add(i.submission().stationId());
                submissions.add(i.submission());
            } else if (p instanceof Prepared.Track t) {
                stations.add(t.batch().stationId());
            }
        }
        BatchLocks.lock(tx, stations, submissions);
    }

    /**
     * One message stored in its own transaction and its ack returned instead of published: for transports with
     * a reply of their own (the trackers' CoAP endpoint). Empty when there is nothing to answer (no messageId
     * could be read); {@code refusal} then says why.
     */
    public Direct ingestDirect(InboundMessage message) {
        Prepared p = prepare(message);
        Object decided = db.inTransaction(tx -> decide(tx, p));
        Ack ack = ackFor(p, decided);
        String reason = decided instanceof Outcome.Refused r ? r.reasonCode() + ": " + r.detail() : null;
        return new Direct(ack, reason);
    }

    /** The answer of {@link #ingestDirect}: the signed ack's content (null if none) and the refusal, if refused. */
    public record Direct(Ack ack, String refusal) {
    }

    /** An ack as the stations receive it: the JWS envelope signed with the hub key. */
    public byte[] sign(Ack ack) {
        return acks.sign(ack);
    }

    private Object decide(Tx tx, Prepared p) throws SQLException {
        if (p instanceof Prepared.Inspect i) {
            return ledger.acceptIn(tx, i.submission());
        }
        if (p instanceof Prepared.Event e) {
            StationEvent ev = e.event();
            if (StationSeqs.takenByResultOrTrack(tx, ev.stationId(), ev.seq())) {
                return ledger.recordRefusalIn(tx, new Refusal(ev.messageId().toString(), ev.centerId(), ev.stationId(),
                        "runt/v1/" + ev.centerId() + "/" + ev.stationId() + "/event", RefusalReasons.REPLAYED_SEQ,
                        "seq " + ev.seq() + " was already accepted from station " + ev.stationId() + " in another message", e.raw()));
            }
            boolean fresh = events.recordIn(tx, ev, e.keyVersion(), e.raw());
            if (fresh) {
                Impersonation.alertIn(tx, e.event(), clock.instant());
            }
            return fresh;
        }
        if (p instanceof Prepared.Refuse r) {
            return ledger.recordRefusalIn(tx, r.refusal());
        }
        if (p instanceof Prepared.Track t) {
            TrackOutcome outcome = tracks.storeIn(tx, t.batch(), t.keyVersion(), t.raw(), t.now());
            if (outcome instanceof TrackOutcome.Refused r) {
                return ledger.recordRefusalIn(tx, new Refusal(t.batch().messageId().toString(), t.topic().centerId(),
                        t.topic().stationId(), t.topic().name(), r.reasonCode(), r.detail(), t.raw()));
            }
            return outcome;
        }
        return null;
    }

    private static Reply replyOf(Prepared p, Ack ack) {
        Reply reply = p instanceof Prepared.Inspect i ? i.reply()
                : p instanceof Prepared.Event e ? e.reply()
                : p instanceof Prepared.Track t ? t.reply()
                : p instanceof Prepared.Refuse r ? r.reply() : null;
        return reply == null ? null : reply.withId(ack.messageId());
    }

    /** Counts the outcome and builds its ack; null when there is nobody to answer. */
    private Ack ackFor(Prepared p, Object decided) {
        if (p instanceof Prepared.Track t) {
            UUID id = t.batch().messageId();
            if (decided instanceof TrackOutcome.Accepted a) {
                counters.accepted();
                LOG.debug("track batch {} from {}: {}", id, t.batch().stationId(), a.counts());
                return Acks.accepted(id, a.acceptedAt());
            }
            if (decided instanceof TrackOutcome.Duplicate d) {
                counters.duplicate();
                return Acks.duplicate(id, d.acceptedAt());
            }
            Outcome.Refused refused = (Outcome.Refused) decided;
            counted(refused, t.topic().name());
            return Acks.of(id, refused, t.now());
        }
        if (p instanceof Prepared.Inspect i) {
            Outcome outcome = (Outcome) decided;
            Submission submission = i.submission();
            UUID messageId = UUID.fromString(submission.messageId());
            if (outcome instanceof Outcome.Accepted a) {
                counters.accepted();
                feed.publish(new FeedEvent(FeedEvent.ACCEPTED, submission.messageId(), submission.centerId(),
                        submission.stationId(), submission.type().name(), submission.subject(), submission.verdict().name(),
                        a.receipt().furNumber(), a.receipt().certificateNumber(), null, i.now()));
                LOG.debug("accepted {} from {}: FUR {}, certificate {}", messageId, submission.stationId(),
                        a.receipt().furNumber(), a.receipt().certificateNumber());
            } else if (outcome instanceof Outcome.Duplicate) {
                counters.duplicate();
                LOG.info("duplicate {} from {} answered with its first numbers", messageId, submission.stationId());
            } else {
                counted((Outcome.Refused) outcome, i.topic().name());
            }
            return i.reply() == null ? null : Acks.of(messageId, outcome, i.now());
        } else if (p instanceof Prepared.Event e) {
            UUID id = e.event().messageId();
            if (decided instanceof Outcome.Refused refused) {
                counted(refused, "runt/v1/" + e.event().centerId() + "/" + e.event().stationId() + "/event");
                return Acks.of(id, refused, e.now());
            }
            counters.event();
            return (Boolean) decided ? Acks.accepted(id, e.now()) : Acks.duplicate(id, e.now());
        } else if (p instanceof Prepared.Refuse r) {
            Outcome.Refused stored = (Outcome.Refused) decided;
            counted(stored, r.refusal().topic());
            return r.reply() == null ? null : Acks.of(r.reply().messageId(), stored, r.now());
        }
        return null;
    }

    private Prepared signed(Topic topic, InboundMessage message, Instant now) {
        byte[] raw = message.payload();
        Envelope envelope;
        try {
            envelope = Envelope.parse(raw);
        } catch (EnvelopeException e) {
            return new Prepared.Refuse(new Refusal(null, topic.centerId(), topic.stationId(), topic.name(),
                    RejectReason.MALFORMED_ENVELOPE.name(), e.getMessage(), raw), null, now);
        }
        // untrusted until verified: only used to address the answer and the refusal record
        UUID claimedId = peekMessageId(envelope).orElse(null);
        Reply reply = claimedId == null ? null : new Reply(topic, message, claimedId);
        try {
            SignedMessage signed = SignatureGate.check(topic, envelope, directory, now);
            return switch (topic.kind()) {
                case INSPECTION -> new Prepared.Inspect(topic, inspections.check(signed, raw), reply, now);
                case EVENT -> event(signed, raw, reply, now);
                case EXAM -> exam(signed, raw, reply, now);
                case TRACK -> track(signed, raw, reply, now);
                default -> throw new RefusedException(RejectReason.MALFORMED_PAYLOAD,
                        topic.kind().wire() + " messages are not accepted by this hub yet");
            };
        } catch (RefusedException e) {
            return new Prepared.Refuse(new Refusal(id(claimedId), topic.centerId(), topic.stationId(), topic.name(),
                    e.reason().name(), e.detail(), raw), reply, now);
        }
    }

    private Prepared exam(SignedMessage signed, byte[] raw, Reply reply, Instant now) throws RefusedException {
        ExamIntake.Result r = exams.check(signed.topic().centerId(), signed.topic().stationId(), signed.keyVersion(),
                signed.payload(), raw);
        if (r instanceof ExamIntake.Refuse refused) {
            throw new RefusedException(refused.reason(), refused.detail());
        }
        return new Prepared.Inspect(signed.topic(), ((ExamIntake.Accept) r).submission(), reply, now);
    }

    private Prepared event(SignedMessage signed, byte[] raw, Reply reply, Instant now) throws RefusedException {
        StationEvent event;
        try {
            event = Json.read(signed.payload(), StationEvent.class);
        } catch (IOException e) {
            throw new RefusedException(RejectReason.MALFORMED_PAYLOAD, "not a station event: " + InspectionCheck.firstLine(e));
        }
        if (!event.centerId().equals(signed.topic().centerId()) || !event.stationId().equals(signed.topic().stationId())) {
            throw new RefusedException(RejectReason.TOPIC_MISMATCH, "payload names " + event.centerId() + "/"
                    + event.stationId() + ", topic " + signed.topic().centerId() + "/" + signed.topic().stationId());
        }
        LoginCheck.check(event);
        try {
            Impersonation.check(event);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(RejectReason.MALFORMED_PAYLOAD, e.getMessage());
        }
        return new Prepared.Event(event, signed.keyVersion(), raw, reply, now);
    }

    private Prepared track(SignedMessage signed, byte[] raw, Reply reply, Instant now) throws RefusedException {
        TrackBatch batch;
        try {
            batch = Json.read(signed.payload(), TrackBatch.class);
        } catch (IOException e) {
            throw new RefusedException(RejectReason.MALFORMED_PAYLOAD, "not a track batch: " + InspectionCheck.firstLine(e));
        }
        if (!batch.centerId().equals(signed.topic().centerId()) || !batch.stationId().equals(signed.topic().stationId())) {
            throw new RefusedException(RejectReason.TOPIC_MISMATCH, "payload names " + batch.centerId() + "/"
                    + batch.stationId() + ", topic " + signed.topic().centerId() + "/" + signed.topic().stationId());
        }
        return new Prepared.Track(batch, signed.topic(), signed.keyVersion(), raw, reply, now);
    }

    private void counted(Outcome.Refused r, String topic) {
        counters.refused(r.reasonCode());
        Topic t = parseTopic(topic);
        feed.publish(new FeedEvent(FeedEvent.REFUSED, r.messageId(), t == null ? null : t.centerId(),
                t == null ? null : t.stationId(), t == null ? null : t.kind().wire().toUpperCase(java.util.Locale.ROOT),
                null, null, null, null, r.reasonCode(), clock.instant()));
        LOG.warn("refused message {} on {}: {} ({})", r.messageId() == null ? "-" : r.messageId(), topic,
                r.reasonCode(), r.detail());
    }

    private void send(Reply reply, Ack ack) {
        if (reply == null) {
            return;
        }
        String ackTopic = new Topic(reply.topic().centerId(), reply.topic().stationId(), TopicKind.ACK).name();
        String target = reply.message().responseTopic().filter(ackTopic::equals).orElse(ackTopic);
        if (reply.message().responseTopic().isPresent() && !target.equals(reply.message().responseTopic().get())) {
            LOG.info("station {} asked for its ack on {}; sent to {} instead", reply.topic().stationId(),
                    reply.message().responseTopic().get(), ackTopic);
        }
        try {
            sink.send(target, reply.message().correlationData().orElse(null), acks.sign(ack));
        } catch (RuntimeException e) {
            // the outcome is committed; the station resends and gets the same answer again
            LOG.warn("could not send the ack for {} to {}: {}", ack.messageId(), target, e.toString());
        }
    }

    /** The payload's top-level messageId, read as far as it and no further (messages put it first). */
    private static Optional<UUID> peekMessageId(Envelope envelope) {
        try (JsonParser p = LENIENT.getFactory().createParser(envelope.payload())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = "messageId".equals(p.currentName());
                JsonToken value = p.nextToken();
                if (wanted) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(UUID.fromString(p.getText())) : Optional.empty();
                }
                p.skipChildren();
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Topic parseTopic(String name) {
        try {
            return name == null ? null : Topic.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }
}
