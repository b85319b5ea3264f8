package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.lane.EmergencyStop;
import co.rtm.agent.instruments.lane.LaneIo;
import co.rtm.agent.instruments.lane.LaneLight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an instrumented lane does with its own I/O around each vehicle: the light is GREEN (free) between vehicles
 * and RED (busy) while a vehicle's tests run; the emergency stop holds it RED, and a release between vehicles
 * turns it GREEN again. Photocell changes and stop presses are logged, and those that happen during a vehicle's
 * tests are handed back for its raw series. Without lane I/O every call does nothing.
 */
final class LaneIoHook implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("lane");

    private final LaneIo io;   // null: no lane I/O
    private final EmergencyStop.Subscription releases;
    private final List<InstrumentEvent> during = new ArrayList<>();   // guarded by this
    private boolean busy;   // guarded by this

    LaneIoHook(Optional<LaneIo> laneIo) {
        this.io = laneIo.orElse(null);
        if (io == null) {
            releases = () -> { };
            return;
        }
        io.start(this::event);
        releases = io.emergencyStop().subscribe(new EmergencyStop.Listener() {
            @Override
            public void pressed(Instant at, String source) {
                // the light is held red by the lane I/O itself
            }

            @Override
            public void released(Instant at) {
                synchronized (LaneIoHook.this) {
                    if (!busy) {
                        io.setLight(LaneLight.GREEN);
                    }
                }
            }
        });
        io.setLight(LaneLight.GREEN);
    }

    /** A vehicle's tests start: the lane is busy. */
    synchronized void vehicleStarted() {
        busy = true;
        during.clear();
        if (io != null) {
            io.setLight(LaneLight.RED);
        }
    }

    /** The vehicle's tests are over: the lane is free (unless the stop is pressed); its lane events, in order. */
    synchronized List<InstrumentEvent> vehicleFinished() {
        busy = false;
        if (io != null) {
            io.setLight(LaneLight.GREEN);
        }
        List<InstrumentEvent> events = List.copyOf(during);
        during.clear();
        return events;
    }

    private synchronized void event(InstrumentEvent e) {
        if (e instanceof Reading r && r.sample() instanceof Sample.Presence p) {
            LOG.info("{} photocell {}", p.cell(), p.occupied() ? "occupied" : "free");
        } else if (e instanceof Fault f) {
            LOG.warn("{}: {}", f.kind(), f.detail());
        }
        if (busy) {
            during.add(e);
        }
    }

    @Override
    public void close() {
        releases.close();
    }
}
