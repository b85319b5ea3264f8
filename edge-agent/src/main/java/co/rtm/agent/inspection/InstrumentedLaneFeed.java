package co.rtm.agent.inspection;

import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.lane.EmergencyStop;
import co.rtm.agent.lane.LaneFaultException;
import co.rtm.agent.lane.LaneFeed;
import co.rtm.agent.lane.LaneReading;
import co.rtm.profiles.inspection.DeclaredInvalid;
import co.rtm.profiles.inspection.InputException;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.ProfileTest;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.vehicle.Vehicle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lane whose readings come from its instruments. The reception (plate and vehicle data from the registration
 * desk, sensory findings and inspectors entered by people) arrives as today's lane line with empty
 * {@code measurements}; this feed then runs the vehicle's instrument tests in the profile's order through an
 * {@link InspectionSession} and hands the station a complete scoring document: the measured blocks, the tests
 * declared invalid with their reasons, {@code testedAt} = when the instrument tests started, and the evidence
 * (instruments used, raw series compressed).
 *
 * <p>When the lane file has {@code laneIo}, {@code stop} must be that lane I/O's emergency stop (so the button
 * aborts the running test), and the lane light shows busy while each vehicle's tests run ({@link LaneIoHook}).
 */
public final class InstrumentedLaneFeed implements LaneFeed {
    private static final Logger LOG = LoggerFactory.getLogger(InstrumentedLaneFeed.class);
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final LaneFeed reception;
    private final LaneInstruments instruments;
    private final StationProfile profile;
    private final ScoringInputReader reader;
    private final InspectionSession session;
    private final LaneIoHook lane;
    private final Clock clock;
    private volatile Thread testing;
    private volatile boolean closed;

    public InstrumentedLaneFeed(LaneFeed reception, LaneInstruments instruments, StationProfile profile,
                                ScoringInputReader reader, EmergencyStop stop, LaneDisplay display, Clock clock) {
        instruments.laneIo().ifPresent(io -> {
            if (io.emergencyStop() != stop) {
                throw new IllegalArgumentException("the lane has its own emergency stop (laneIo); pass that one");
            }
        });
        this.reception = reception;
        this.instruments = instruments;
        this.profile = profile;
        this.reader = reader;
        this.clock = clock;
        this.session = new InspectionSession(instruments.stations(), display, stop, clock,
                t -> instruments.testDeadline());
        this.lane = new LaneIoHook(instruments.laneIo());
    }

    @Override
    public Optional<LaneReading> next(Duration timeout) throws LaneFaultException {
        Optional<LaneReading> arrived = reception.next(timeout);
        if (arrived.isEmpty()) {
            return arrived;
        }
        LaneReading desk = arrived.get();
        ObjectNode document = (ObjectNode) desk.document();
        JsonNode given = document.get("measurements");
        if (given != null && !(given.isObject() && given.isEmpty())) {
            throw new LaneFaultException("an instrumented lane reads measurements from its instruments; "
                    + "the reception sent some", given.toString());
        }
        OffsetDateTime started = OffsetDateTime.now(clock.withZone(BOGOTA)).truncatedTo(ChronoUnit.SECONDS);
        boolean deskGaveStart = desk.startedAt().isBefore(started) && !sameInstant(desk.startedAt(), document.get("testedAt"));
        document.put("testedAt", started.toString());
        document.set("measurements", JsonNodeFactory.instance.objectNode());
        Vehicle vehicle;
        try {
            vehicle = reader.read(document, "").vehicle();
        } catch (InputException e) {
            throw new LaneFaultException("reception: " + e.getMessage(), document.toString());
        }
        List<TestKind> tests = profile.requiredTests(vehicle).stream().map(ProfileTest::test)
                .filter(t -> Procedures.instrumentFor(t).isPresent()).toList();
        SessionResult result;
        Instant began = clock.instant();
        List<InstrumentEvent> laneEvents;
        lane.vehicleStarted();
        testing = Thread.currentThread();
        try {
            if (closed) {
                throw new InterruptedException("lane closed");
            }
            result = session.run(vehicle, tests);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("inspection of {} interrupted; it is not stored", vehicle.plate());
            return Optional.empty();
        } finally {
            testing = null;
            laneEvents = lane.vehicleFinished();
        }
        for (InstrumentEvent e : laneEvents) {
            result.series().addLane(began, e);
        }
        document.set("measurements", MeasurementsJson.write(result.measurements()));
        if (!result.invalidTests().isEmpty()) {
            ArrayNode invalid = document.putArray("invalidTests");
            for (DeclaredInvalid d : result.invalidTests()) {
                invalid.addObject().put("test", d.test().json()).put("reason", d.reason());
            }
        }
        // the inspection began at the reception (sensory review, registration) before the instruments; the hub's
        // minimum inspection duration and capacity hour are judged on that start when the desk gave one
        OffsetDateTime inspectionStart = deskGaveStart ? desk.startedAt() : started;
        return Optional.of(new LaneReading(document, inspectionStart, desk.inspectors(), evidence(result)));
    }

    /** Whether the desk's start is only its document's {@code testedAt} (what the lane line falls back on). */
    private static boolean sameInstant(OffsetDateTime t, JsonNode testedAt) {
        try {
            return testedAt != null && OffsetDateTime.parse(testedAt.asText()).isEqual(t);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static JsonNode evidence(SessionResult r) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        ArrayNode used = e.putArray("instruments");
        for (SessionResult.InstrumentUse u : r.instruments()) {
            ObjectNode n = used.addObject().put("test", u.test()).put("kind", u.kind());
            if (u.serial() != null) {
                n.put("vendor", u.vendor()).put("model", u.model()).put("serial", u.serial())
                        .put("verificationDue", u.verificationDue());
            }
        }
        e.put("samplesEncoding", "gzip+base64 JSON lines");
        e.put("samples", r.series().compressed());
        return e;
    }

    @Override
    public void close() {
        // a vehicle half-way through its tests is abandoned, not left waiting for instruments that are closing
        closed = true;
        Thread t = testing;
        if (t != null) {
            t.interrupt();
        }
        reception.close();
        lane.close();
        instruments.close();
    }
}
