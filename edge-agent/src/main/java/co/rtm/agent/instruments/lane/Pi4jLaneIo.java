package co.rtm.agent.instruments.lane;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link LaneIo} on a Raspberry Pi through Pi4J 2. The caller owns the Pi4J {@link Context} (on a Pi,
 * {@code Pi4J.newAutoContext()}; in tests, a context with the mock platform only) and this class creates its
 * pins in it, with ids starting {@code lane-}, so one lane per context.
 *
 * <p>Inputs are debounced by the Pi4J provider as configured; on top of that a level the input already had is
 * never reported twice. The emergency stop is watched from construction: pressing it holds the light RED and
 * reports a {@link FaultKind#EMERGENCY_STOP} fault; a stop already pressed at construction counts as pressed.
 * A press made in software on {@link #emergencyStop()} has the same effect.
 */
public final class Pi4jLaneIo implements LaneIo {

    private static final Logger log = LoggerFactory.getLogger(Pi4jLaneIo.class);

    static final String ENTRY_ID = "lane-entry-cell";
    static final String EXIT_ID = "lane-exit-cell";
    static final String STOP_ID = "lane-emergency-stop";
    static final String GREEN_ID = "lane-light-green";
    static final String RED_ID = "lane-light-red";
    static final String BUSY_ID = "lane-light-busy";
    static final String LUXMETER_ID = "lane-luxmeter";

    private final Context pi4j;
    private final LaneIoConfig config;
    private final Clock clock;
    private final EmergencyStop stop = new EmergencyStop();
    private final Cell entry;
    private final Cell exit;
    private final DigitalInput stopInput;
    private final DigitalStateChangeListener stopListener;
    private final Lamps lamps;
    private final List<String> ioIds = new ArrayList<>();
    private final Object emitLock = new Object();
    private volatile Consumer<InstrumentEvent> listener;
    private LaneLight shown;   // guarded by this

    public Pi4jLaneIo(Context pi4j, LaneIoConfig config, Clock clock) {
        this.pi4j = Objects.requireNonNull(pi4j, "pi4j");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.lamps = createLamps(config.light());
            this.shown = LaneLight.RED;
            lamps.show(LaneLight.RED);
            this.entry = new Cell(ENTRY_CELL, config.entryCell(), input(ENTRY_ID, "entry photocell",
                    config.entryCell()));
            this.exit = new Cell(EXIT_CELL, config.exitCell(), input(EXIT_ID, "exit photocell", config.exitCell()));
            this.stopInput = input(STOP_ID, "emergency stop", config.emergencyStop());
        } catch (RuntimeException e) {   // a pin taken or refused: give back the ones already made
            releasePins();
            throw e;
        }

        stop.subscribe(new EmergencyStop.Listener() {
            @Override
            public void pressed(Instant at, String source) {
                holdRed();
                emit(new Fault(at, FaultKind.EMERGENCY_STOP, "emergency stop pressed: " + source));
            }
        });
        this.stopListener = e -> stopLevel(e.state());
        stopInput.addListener(stopListener);
        stopLevel(stopInput.state());
    }

    @Override
    public void start(Consumer<InstrumentEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = listener;
    }

    @Override
    public boolean occupied(String cell) {
        return switch (cell) {
            case ENTRY_CELL -> entry.occupied;
            case EXIT_CELL -> exit.occupied;
            default -> throw new IllegalArgumentException("no photocell '" + cell + "', expected entry or exit");
        };
    }

    @Override
    public EmergencyStop emergencyStop() {
        return stop;
    }

    @Override
    public synchronized void setLight(LaneLight light) {
        Objects.requireNonNull(light, "light");
        if (stop.pressed()) {
            return;
        }
        show(light);
    }

    @Override
    public synchronized LaneLight light() {
        return shown;
    }

    @Override
    public void close() {
        entry.input.removeListener(entry.listener);
        exit.input.removeListener(exit.listener);
        stopInput.removeListener(stopListener);
        synchronized (this) {
            show(LaneLight.OFF);
        }
        releasePins();
    }

    /**
     * The BH1750 at {@link LaneIoConfig#luxmeter()} as an instrument (Pi4J id {@code lane-luxmeter}); its identity
     * comes from configuration, see {@link Bh1750Luxmeter}. The caller closes it.
     */
    public Bh1750Luxmeter openLuxmeter(DeviceIdentity identity, Duration period) {
        Pi4jI2cDevice device = Pi4jI2cDevice.open(pi4j, LUXMETER_ID, config.luxmeter());
        try {
            return new Bh1750Luxmeter(device, identity, period, null, clock);
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    private void releasePins() {
        for (String id : ioIds) {
            try {
                pi4j.shutdown(id);
            } catch (RuntimeException e) {
                log.warn("could not release {}: {}", id, e.toString());
            }
        }
        ioIds.clear();
    }

    private synchronized void holdRed() {
        show(LaneLight.RED);
    }

    private void show(LaneLight light) {   // caller holds this
        lamps.show(light);
        shown = light;
    }

    private void stopLevel(DigitalState state) {
        Instant now = clock.instant();
        if (active(config.emergencyStop(), state)) {
            stop.press(now, "button on BCM " + config.emergencyStop().bcm());
        } else {
            stop.release(now);
        }
    }

    private void emit(InstrumentEvent event) {
        Consumer<InstrumentEvent> l = listener;
        if (l == null) {
            return;
        }
        synchronized (emitLock) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.warn("lane event listener failed on {}", event, e);
            }
        }
    }

    private static boolean active(LaneIoConfig.Input in, DigitalState state) {
        return state.isHigh() != in.activeLow();
    }

    private DigitalInput input(String id, String name, LaneIoConfig.Input in) {
        DigitalInput din = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id(id).name(name).address(in.bcm())
                .pull(switch (in.pull()) {
                    case UP -> PullResistance.PULL_UP;
                    case DOWN -> PullResistance.PULL_DOWN;
                    case OFF -> PullResistance.OFF;
                })
                .debounce(in.debounce().toNanos() / 1000, TimeUnit.MICROSECONDS));
        ioIds.add(id);
        return din;
    }

    private DigitalOutput output(String id, String name, int bcm, DigitalState initial) {
        DigitalOutput out = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id(id).name(name).address(bcm)
                .initial(initial).shutdown(initial));
        ioIds.add(id);
        return out;
    }

    private Lamps createLamps(LaneIoConfig.Light light) {
        if (light instanceof LaneIoConfig.TwoLamps two) {
            DigitalState off = level(false, two.activeLow());
            DigitalOutput green = output(GREEN_ID, "lane light green", two.greenBcm(), off);
            DigitalOutput red = output(RED_ID, "lane light red", two.redBcm(), off);
            return shown -> {
                green.state(level(shown == LaneLight.GREEN, two.activeLow()));
                red.state(level(shown == LaneLight.RED, two.activeLow()));
            };
        }
        LaneIoConfig.BusySignal busy = (LaneIoConfig.BusySignal) light;
        DigitalOutput out = output(BUSY_ID, "lane busy", busy.bcm(), level(false, busy.activeLow()));
        return shown -> out.state(level(shown == LaneLight.RED, busy.activeLow()));
    }

    private static DigitalState level(boolean on, boolean activeLow) {
        return on != activeLow ? DigitalState.HIGH : DigitalState.LOW;
    }

    /** Drives the light outputs. */
    private interface Lamps {
        void show(LaneLight light);
    }

    /** One photocell: its pin, its last level as occupied/free, and its Pi4J listener. */
    private final class Cell {
        final String name;
        final DigitalInput input;
        final DigitalStateChangeListener listener;
        volatile boolean occupied;

        Cell(String name, LaneIoConfig.Input in, DigitalInput input) {
            this.name = name;
            this.input = input;
            this.occupied = active(in, input.state());
            this.listener = e -> changed(active(in, e.state()));
            input.addListener(listener);
        }

        private void changed(boolean nowOccupied) {
            synchronized (emitLock) {
                if (nowOccupied == occupied) {
                    return;
                }
                occupied = nowOccupied;
                emit(new Reading(clock.instant(), new Sample.Presence(name, nowOccupied)));
            }
        }
    }
}
