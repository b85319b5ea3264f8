package co.rtm.agent.exam;

import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxException;
import co.rtm.agent.outbox.OutboxFullException;
import co.rtm.agent.outbox.Stamp;
import co.rtm.agent.uplink.StationTopics;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Signs exam results ({@code runt/v1/{center}/{station}/exam}) and station events ({@code .../event}) with the
 * station key inside the outbox's append, so the seq in the payload is the seq stored; {@code onStored} wakes the
 * uplink. A full outbox or a storage error is retried a few times, then reported as not stored.
 */
public final class OutboxExamPublisher implements ExamPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxExamPublisher.class);
    private static final int ATTEMPTS = 20;

    private final Outbox outbox;
    private final String centerId;
    private final String stationId;
    private final SigningKey key;
    private final StationTopics topics;
    private final Runnable onStored;

    public OutboxExamPublisher(Outbox outbox, String centerId, String stationId, SigningKey key, Runnable onStored) {
        this.outbox = outbox;
        this.centerId = centerId;
        this.stationId = stationId;
        this.key = key;
        this.topics = new StationTopics(centerId, stationId);
        this.onStored = onStored;
    }

    @Override
    public ExamMessage exam(Function<MessageHeader, ExamMessage> exam) {
        AtomicReference<ExamMessage> built = new AtomicReference<>();
        boolean ok = append(ExamMessage.TYPE, s -> {
            ExamMessage m = exam.apply(header(s));
            built.set(m);
            return Envelope.sign(Json.write(m), ExamMessage.TYPE, key);
        });
        return ok ? built.get() : null;
    }

    @Override
    public boolean event(Function<MessageHeader, StationEvent> event) {
        return append("event", s -> Envelope.sign(Json.write(event.apply(header(s))), "event", key));
    }

    private boolean append(String type, co.rtm.agent.outbox.Sealer sealer) {
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                Stamp stamp = outbox.append(topics.forType(type), type, sealer);
                LOG.info("{} stored as seq {}", type, stamp.seq());
                onStored.run();
                return true;
            } catch (OutboxFullException | OutboxException e) {
                LOG.warn("{} not stored yet: {}", type, e.getMessage());
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private MessageHeader header(Stamp s) {
        return new MessageHeader(s.messageId(), centerId, stationId, s.seq(), s.bootId().toString(), s.createdAt());
    }
}
