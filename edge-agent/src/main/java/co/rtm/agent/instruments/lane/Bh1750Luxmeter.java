package co.rtm.agent.instruments.lane;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A BH1750 light sensor on I2C used as a luxmeter ({@link InstrumentKind#LIGHTS}), polled every {@code period}
 * on its own thread. Each poll yields exactly one event: a {@link Sample.Illuminance} reading, or a fault:
 *
 * <ul>
 *   <li>{@link FaultKind#DISCONNECTED}: the bus refused the transaction (device absent, bus gone); the next poll
 *       powers the sensor up again, as it may have lost power;</li>
 *   <li>{@link FaultKind#DEVICE_ERROR}: fewer than two bytes came back;</li>
 *   <li>{@link FaultKind#CALIBRATION_EXPIRED}: the configured verification is past due (on the clock's date);</li>
 *   <li>{@link FaultKind#STUCK_VALUE}: only when {@code stuckAfter} is set, the raw count has not moved for that
 *       long. Off by default: a steady lamp on a steady sensor can legitimately hold its count.</li>
 * </ul>
 *
 * A fault is repeated at every failed poll, so a test that starts during an outage still hears about it.
 *
 * <p><b>Identity.</b> The chip has no serial number, model register or firmware version to ask for; its identity
 * is the one written in the station's configuration (the serial engraved on the sensor housing or given by the
 * metrology lab, and the verification dates on its certificate). {@link #identity(String, LocalDate, LocalDate)}
 * builds it; it is announced with one {@link Identified} event on {@link #start}.
 */
public final class Bh1750Luxmeter implements Instrument {

    private static final Logger log = LoggerFactory.getLogger(Bh1750Luxmeter.class);

    private final I2cDevice device;
    private final DeviceIdentity identity;
    private final Duration period;
    private final Duration stuckAfter;   // null: off
    private final Clock clock;
    private final ScheduledExecutorService poller;
    private volatile Consumer<InstrumentEvent> listener;
    private volatile boolean closed;

    // poll thread only
    private boolean poweredUp;
    private int lastRaw = -1;
    private Instant sameSince;

    /** A luxmeter with stuck-value detection off, on the system clock. */
    public Bh1750Luxmeter(I2cDevice device, DeviceIdentity identity, Duration period) {
        this(device, identity, period, null, Clock.systemDefaultZone());
    }

    /**
     * @param period     time between polls, at least {@link Bh1750#MEASUREMENT_TIME}
     * @param stuckAfter report {@link FaultKind#STUCK_VALUE} once the raw count has held this long; null for never
     * @param clock      stamps events; its zone decides the calendar day for the verification check
     */
    public Bh1750Luxmeter(I2cDevice device, DeviceIdentity identity, Duration period, Duration stuckAfter,
                          Clock clock) {
        this.device = Objects.requireNonNull(device, "device");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.period = Objects.requireNonNull(period, "period");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (period.compareTo(Bh1750.MEASUREMENT_TIME) < 0) {
            throw new IllegalArgumentException("poll period of " + period.toMillis()
                    + " ms is shorter than one BH1750 measurement (" + Bh1750.MEASUREMENT_TIME.toMillis() + " ms)");
        }
        if (stuckAfter != null && (stuckAfter.isNegative() || stuckAfter.isZero())) {
            throw new IllegalArgumentException("stuckAfter must be positive: " + stuckAfter);
        }
        this.stuckAfter = stuckAfter;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bh1750 " + device.describe());
            t.setDaemon(true);
            return t;
        });
    }

    /** The identity of a BH1750 as the configuration states it: vendor ROHM, model BH1750FVI, no firmware. */
    public static DeviceIdentity identity(String serial, LocalDate verifiedOn, LocalDate verificationDue) {
        return new DeviceIdentity("ROHM", "BH1750FVI", serial, "none", verifiedOn, verificationDue);
    }

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.LIGHTS;
    }

    /** Always present: it comes from configuration, not from the chip. */
    @Override
    public Optional<DeviceIdentity> identity() {
        return Optional.of(identity);
    }

    @Override
    public void start(Consumer<InstrumentEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (this) {
            if (this.listener != null) {
                throw new IllegalStateException("already started");
            }
            this.listener = listener;
        }
        emit(new Identified(clock.instant(), identity));
        poller.scheduleWithFixedDelay(this::pollSafely, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        try {
            poller.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        device.close();
    }

    private void pollSafely() {
        try {
            emit(poll());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // closing
        } catch (RuntimeException e) {
            log.warn("BH1750 poll on {} failed", device.describe(), e);   // keep polling: never go quiet
        }
    }

    /** One poll: power up if needed, read the count, judge it. */
    private InstrumentEvent poll() throws InterruptedException {
        Instant now = clock.instant();
        if (!identity.verifiedOn(LocalDate.ofInstant(now, clock.getZone()))) {
            return new Fault(now, FaultKind.CALIBRATION_EXPIRED, "luxmeter " + identity.serial()
                    + " verification was due " + identity.verificationDue());
        }
        byte[] buf = new byte[2];
        int n;
        try {
            if (!poweredUp) {
                device.write(Bh1750.POWER_ON);
                device.write(Bh1750.CONTINUOUS_HIGH_RES);
                poweredUp = true;
                Thread.sleep(Bh1750.MEASUREMENT_TIME.toMillis());
            }
            n = device.read(buf);
        } catch (IOException e) {
            poweredUp = false;
            return new Fault(clock.instant(), FaultKind.DISCONNECTED, "luxmeter on " + device.describe()
                    + ": " + e.getMessage());
        }
        Instant at = clock.instant();
        if (n < 2) {
            poweredUp = false;
            return new Fault(at, FaultKind.DEVICE_ERROR, "luxmeter on " + device.describe() + " returned " + n
                    + " of 2 bytes");
        }
        int raw = Bh1750.raw(buf[0], buf[1]);
        if (raw != lastRaw) {
            lastRaw = raw;
            sameSince = at;
        } else if (stuckAfter != null && Duration.between(sameSince, at).compareTo(stuckAfter) >= 0) {
            return new Fault(at, FaultKind.STUCK_VALUE, "luxmeter on " + device.describe() + " has read " + raw
                    + " counts since " + sameSince);
        }
        return new Reading(at, new Sample.Illuminance(Bh1750.lux(raw)));
    }

    private void emit(InstrumentEvent event) {
        Consumer<InstrumentEvent> l = listener;
        if (l != null && !closed) {
            l.accept(event);
        }
    }
}
