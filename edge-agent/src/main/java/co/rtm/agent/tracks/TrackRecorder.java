package co.rtm.agent.tracks;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxException;
import co.rtm.agent.outbox.OutboxFullException;
import co.rtm.agent.uplink.StationTopics;
import co.rtm.profiles.tracks.TrackBatch;
import co.rtm.profiles.tracks.TrackFix;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A mobile line's track recorder (DESIGN §7): fixes from the GPS instrument, filtered and batched by
 * {@link TrackBatcher}, each batch signed as a {@code track} message and appended to the outbox, from where the
 * uplink sends it like any result (oldest seq first, kept until the hub's ack, across restarts).
 *
 * <p>Tracks never block inspections: a batch goes to the outbox only when {@link TrackRoom} allows it. Otherwise it
 * waits here, oldest first, and is retried every second; beyond {@value #MAX_HELD} waiting batches the oldest is
 * dropped and counted (a track is evidence of where the line was, but an inspection's result is the record).
 */
public final class TrackRecorder implements AutoCloseable {

    /** Two hours of 30-second batches. */
    static final int MAX_HELD = 240;
    /** JSON of one fix signed and base64url-encoded, rounded up; plus the header. */
    private static final int BYTES_PER_FIX = 300;
    private static final int BYTES_PER_BATCH = 700;
    private static final Logger LOG = LoggerFactory.getLogger(TrackRecorder.class);

    private final Instrument gps;
    private final Outbox outbox;
    private final String centerId;
    private final String stationId;
    private final String topic;
    private final SigningKey key;
    private final Runnable wake;
    private final Clock clock;
    private final TrackBatcher batcher;
    private final TrackRoom room;
    private final Deque<List<TrackFix>> held = new ArrayDeque<>();
    private final ScheduledExecutorService timer;
    private long fixesStored;
    private long batchesStored;
    private long batchesLost;
    private long gpsFaults;
    private boolean closed;

    private TrackRecorder(Instrument gps, Outbox outbox, String centerId, String stationId, SigningKey key,
                          TrackSettings settings, Runnable wake, Clock clock) {
        this.gps = gps;
        this.outbox = outbox;
        this.centerId = centerId;
        this.stationId = stationId;
        this.topic = new StationTopics(centerId, stationId).forType(TrackBatch.TYPE);
        this.key = key;
        this.wake = wake;
        this.clock = clock;
        this.batcher = new TrackBatcher(settings.batchFixes(), settings.batchEvery(), settings.maxHdop());
        this.room = new TrackRoom(settings.outboxShare());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "track-" + stationId);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts reading {@code gps} (not started yet); batches are stored in {@code outbox}, then {@code wake} runs. */
    public static TrackRecorder start(Instrument gps, Outbox outbox, String centerId, String stationId, SigningKey key,
                                      TrackSettings settings, Runnable wake, Clock clock) {
        TrackRecorder r = new TrackRecorder(gps, outbox, centerId, stationId, key, settings, wake, clock);
        r.timer.scheduleWithFixedDelay(r::tick, 1, 1, TimeUnit.SECONDS);
        gps.start(r::onEvent);
        return r;
    }

    /** What the recorder did since it started. */
    public record Stats(long fixesStored, long batchesStored, int batchesHeld, long batchesLost, long droppedNoFix,
                        long droppedBadHdop, long droppedOutOfOrder, long gpsFaults) {
    }

    public synchronized Stats stats() {
        return new Stats(fixesStored, batchesStored, held.size(), batchesLost, batcher.droppedNoFix(),
                batcher.droppedBadHdop(), batcher.droppedOutOfOrder(), gpsFaults);
    }

    private synchronized void onEvent(InstrumentEvent event) {
        if (closed) {
            return;
        }
        if (event instanceof Reading r && r.sample() instanceof Sample.GpsFix fix) {
            batcher.add(fix, clock.instant()).ifPresent(this::hold);
        } else if (event instanceof Fault f) {
            gpsFaults++;
            LOG.debug("gps: {} {}", f.kind(), f.detail());
        }
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        batcher.due(clock.instant()).ifPresent(this::hold);
        storeHeld();
    }

    private void hold(List<TrackFix> batch) {
        held.addLast(batch);
        while (held.size() > MAX_HELD) {
            held.removeFirst();
            batchesLost++;
            LOG.warn("track: more than {} batches wait for room in the outbox; the oldest was dropped", MAX_HELD);
        }
        storeHeld();
    }

    /** Stores waiting batches, oldest first, while there is room for tracks. */
    private void storeHeld() {
        boolean stored = false;
        while (!held.isEmpty()) {
            List<TrackFix> batch = held.peekFirst();
            long estimate = BYTES_PER_BATCH + (long) BYTES_PER_FIX * batch.size();
            try {
                if (!room.allows(outbox.capacity(), outbox.usageOf(TrackBatch.TYPE), outbox.config(), estimate)) {
                    break;
                }
                outbox.append(topic, TrackBatch.TYPE, s -> Envelope.sign(Json.write(TrackBatch.of(new MessageHeader(
                        s.messageId(), centerId, stationId, s.seq(), s.bootId().toString(), s.createdAt()), batch)),
                        TrackBatch.TYPE, key));
            } catch (OutboxFullException | OutboxException e) {
                LOG.info("track: batch of {} fixes kept in memory: {}", batch.size(), e.getMessage());
                break;
            }
            held.removeFirst();
            fixesStored += batch.size();
            batchesStored++;
            stored = true;
        }
        if (stored) {
            wake.run();
        }
    }

    /** Stops reading the GPS and stores the open batch and those waiting, if there is room. Before the outbox closes. */
    @Override
    public void close() {
        gps.close();
        timer.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            batcher.drain().ifPresent(held::addLast);
            storeHeld();
            closed = true;
            if (!held.isEmpty()) {
                LOG.warn("track: {} batch(es) not stored at shutdown (no room for tracks in the outbox)", held.size());
            }
        }
    }
}
