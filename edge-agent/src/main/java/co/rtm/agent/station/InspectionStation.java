package co.rtm.agent.station;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import co.rtm.agent.lane.LaneFaultException;
import co.rtm.agent.lane.LaneFeed;
import co.rtm.agent.lane.LaneReading;
import co.rtm.agent.outbox.Capacity;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxException;
import co.rtm.agent.outbox.OutboxFullException;
import co.rtm.agent.outbox.Stamp;
import co.rtm.agent.uplink.StationTopics;
import co.rtm.profiles.inspection.InputException;
import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.vehicle.VehicleKind;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.StationEvent;

/**
 * The inspection lane's workflow, one vehicle at a time, on its own thread ({@link #run}):
 * <ol>
 * <li>Before taking a vehicle, ask the outbox whether a new inspection may start. If not (outbox full, disk
 *     almost full), take nothing, say why ({@link StationStats#waiting()}, a warning in the log, repeated every
 *     minute) and keep waiting; the lane device is held back by TCP meanwhile.</li>
 * <li>Then ask the {@link StartGate} (e.g. nobody logged in on a lane that requires a login): while it holds,
 *     take nothing, say why the same way, and keep asking.</li>
 * <li>Take the next {@link LaneReading}; read it strictly as a scoring document. A reading that is not one is an
 *     instrument fault: logged, counted, reported to the hub as a signed {@code INSTRUMENT_FAULT} event (when the
 *     outbox has room beyond its reserve), never scored.</li>
 * <li>A vehicle kind the lane's class does not accept is refused here, logged and counted, and nothing is sent.</li>
 * <li>Score it locally on the bundle's profile; build the {@code inspection} message inside the outbox's sealer
 *     from the {@link Stamp} (so the signed seq, messageId, bootId and createdAt are the stored ones), sign it with
 *     the station key, and append it: from then on it is durable. Then wake the uplink.</li>
 * </ol>
 * A scored result that the outbox refuses (full between the check and the append, or a storage error) is held
 * and retried, not dropped; only stopping the station abandons it, with an error in the log.
 */
public final class InspectionStation implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(InspectionStation.class);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    private static final long PAUSE_MS = 250;
    private static final long REPEAT_WARNING_MS = 60_000;

    private final StationBundle bundle;
    private final StationProfile lane;
    private final Outbox outbox;
    private final LaneFeed feed;
    private final Runnable onStored;
    private final Counters counters;
    private final Scorer scorer = Scorer.builtIn();
    private final ScoringInputReader reader = new ScoringInputReader(scorer.rules().catalogue()::contains);
    private final SigningKey key;
    private final StationTopics topics;
    private final StartGate gate;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private long lastWarningAt;

    InspectionStation(StationBundle bundle, StationProfile lane, Outbox outbox, LaneFeed feed, Runnable onStored,
                      Counters counters, StartGate gate) {
        this.gate = gate;
        this.bundle = bundle;
        this.lane = lane;
        this.outbox = outbox;
        this.feed = feed;
        this.onStored = onStored;
        this.counters = counters;
        this.key = bundle.signingKey();
        this.topics = new StationTopics(bundle.centerId(), bundle.stationId());
    }

    /** What the station did so far. */
    public StationStats stats() {
        return counters.snapshot();
    }

    /** Stops taking vehicles; {@link #run} returns after the current step. */
    public void stop() {
        stopped.countDown();
    }

    private boolean running() {
        return stopped.getCount() > 0;
    }

    @Override
    public void run() {
        LOG.info("station {}/{} taking vehicles on lane profile {}", bundle.centerId(), bundle.stationId(), lane.ref());
        while (running()) {
            try {
                Optional<String> refusal = refusal(outbox.capacity());
                if (refusal.isEmpty()) {
                    refusal = gate.holdReason();
                }
                if (refusal.isPresent()) {
                    waiting(refusal.get());
                    pause();
                    continue;
                }
                resumed();
                Optional<LaneReading> reading;
                try {
                    reading = feed.next(READ_TIMEOUT);
                } catch (LaneFaultException e) {
                    fault(e.getMessage(), e.excerpt());
                    continue;
                }
                reading.ifPresent(this::inspect);
            } catch (RuntimeException e) {
                LOG.error("station step failed; continuing", e);
                pause();
            }
        }
        LOG.info("station {}/{} stopped taking vehicles", bundle.centerId(), bundle.stationId());
    }

    private void inspect(LaneReading reading) {
        counters.read.incrementAndGet();
        JsonNode document = reading.document();
        Optional<VehicleKind> kind = declaredKind(document);
        if (kind.isPresent() && !lane.accepts(kind.get())) {
            refuse(plateOf(document), kind.get());
            return;
        }
        if (kind.isPresent() && refusedByGate(plateOf(document), kind.get())) {
            return;
        }
        ScoringInput input;
        try {
            input = reader.read(document, "input");
        } catch (InputException e) {
            fault("the reading is not a valid scoring document: " + e.getMessage(), plateOf(document));
            return;
        }
        String plate = input.vehicle().plate();
        if (!lane.accepts(input.vehicle().kind())) {
            refuse("vehicle " + plate, input.vehicle().kind());
            return;
        }
        if (kind.isEmpty() && refusedByGate("vehicle " + plate, input.vehicle().kind())) {
            return;
        }
        ScoreResult score;
        try {
            score = scorer.score(input, lane);
        } catch (InputException e) {
            fault("the reading cannot be scored: " + e.getMessage(), plate);
            return;
        }
        counters.scored(score.verdict());
        store(reading, document, plate, score);
    }

    private void store(LaneReading reading, JsonNode document, String plate, ScoreResult score) {
        boolean complained = false;
        while (running()) {
            try {
                Stamp stamp = outbox.append(topics.forType(InspectionMessage.TYPE), InspectionMessage.TYPE,
                        s -> Envelope.sign(Json.write(InspectionMessage.of(header(s), lane.ref(), reading.startedAt(),
                                reading.inspectors(), null, document, score, reading.evidence())), InspectionMessage.TYPE, key));
                counters.appended.incrementAndGet();
                gate.started(reading.startedAt());
                LOG.info("inspection of {} scored {} stored as seq {}", plate, score.verdict(), stamp.seq());
                onStored.run();
                return;
            } catch (OutboxFullException e) {
                waiting(e.getMessage());
            } catch (OutboxException e) {
                if (!complained) {
                    LOG.error("cannot store the inspection of {}; holding it and retrying", plate, e);
                    complained = true;
                }
            }
            pause();
        }
        LOG.error("stopped before the inspection of {} ({}) could be stored; it was not recorded and must be repeated",
                plate, score.verdict());
    }

    /** An instrument fault: logged and counted always; sent as a signed event only when there is room for it. */
    private void fault(String problem, String excerpt) {
        counters.laneFaults.incrementAndGet();
        LOG.warn("instrument fault on lane {}: {}{}; not scored", feed, problem,
                excerpt == null || excerpt.isEmpty() ? "" : " [" + excerpt + "]");
        if (!outbox.canStartNewInspection()) {
            LOG.warn("instrument fault not sent to the hub: the outbox keeps its room for results");
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("instrument", "lane");
        detail.put("source", feed.toString());
        detail.put("problem", problem);
        if (excerpt != null && !excerpt.isEmpty()) {
            detail.put("excerpt", excerpt);
        }
        try {
            outbox.append(topics.forType("event"), "event", s -> Envelope.sign(
                    Json.write(StationEvent.of(header(s), EventType.INSTRUMENT_FAULT, detail)), "event", key));
            onStored.run();
        } catch (OutboxFullException | OutboxException e) {
            LOG.warn("instrument fault not sent to the hub: {}", e.getMessage());
        }
    }

    /**
     * Stores a station event signed in the outbox (it may use the outbox's reserve), waiting while the outbox is
     * full and retrying storage errors, until stored or the station stops. Thread-safe (the outbox is).
     *
     * @return true once stored
     */
    boolean publish(Function<MessageHeader, StationEvent> event) {
        boolean complained = false;
        while (running()) {
            try {
                Stamp stamp = outbox.append(topics.forType("event"), "event", s -> Envelope.sign(
                        Json.write(event.apply(header(s))), "event", key));
                LOG.info("station event stored as seq {}", stamp.seq());
                onStored.run();
                return true;
            } catch (OutboxFullException e) {
                if (!complained) {
                    LOG.warn("station event waiting for room in the outbox: {}", e.getMessage());
                    complained = true;
                }
            } catch (OutboxException e) {
                if (!complained) {
                    LOG.error("cannot store a station event; retrying", e);
                    complained = true;
                }
            }
            pause();
        }
        return false;
    }

    private MessageHeader header(Stamp s) {
        return new MessageHeader(s.messageId(), bundle.centerId(), bundle.stationId(), s.seq(), s.bootId().toString(),
                s.createdAt());
    }

    private static Optional<String> refusal(Capacity capacity) {
        if (capacity instanceof Capacity.ReserveOnly r) {
            return Optional.of(r.reason());
        }
        if (capacity instanceof Capacity.Full f) {
            return Optional.of(f.reason());
        }
        return Optional.empty();
    }

    private void waiting(String reason) {
        long now = System.currentTimeMillis();
        if (!reason.equals(counters.waiting) || now - lastWarningAt >= REPEAT_WARNING_MS) {
            LOG.warn("not starting new inspections: {}", reason);
            lastWarningAt = now;
        }
        counters.waiting = reason;
    }

    private void resumed() {
        if (counters.waiting != null) {
            LOG.info("taking vehicles again (was: {})", counters.waiting);
            counters.waiting = null;
        }
    }

    /** A vehicle of another class is refused before its readings are judged: they follow another kind's rules. */
    private void refuse(String vehicle, VehicleKind kind) {
        counters.refusedLocally.incrementAndGet();
        LOG.warn("{} refused: lane profile {} does not accept {} vehicles; nothing is sent to the hub",
                vehicle.isEmpty() ? "vehicle" : vehicle, lane.ref(), kind.json());
    }

    /** A kind the lane's limits from the hub exclude (the centre's class): refused here, nothing sent. */
    private boolean refusedByGate(String vehicle, VehicleKind kind) {
        Optional<String> refusal = gate.vehicleRefusal(kind);
        if (refusal.isEmpty()) {
            return false;
        }
        counters.refusedLocally.incrementAndGet();
        LOG.warn("{} refused: {}; nothing is sent to the hub", vehicle.isEmpty() ? "vehicle" : vehicle, refusal.get());
        return true;
    }

    private static Optional<VehicleKind> declaredKind(JsonNode document) {
        JsonNode kind = document.path("vehicle").path("kind");
        if (!kind.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(VehicleKind.fromJson(kind.textValue()));
        } catch (RuntimeException e) {
            return Optional.empty(); // the strict reading reports it
        }
    }

    private static String plateOf(JsonNode document) {
        JsonNode plate = document.path("vehicle").path("plate");
        return plate.isTextual() ? "vehicle " + plate.textValue() : "";
    }

    private void pause() {
        try {
            stopped.await(PAUSE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }
}
