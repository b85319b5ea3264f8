package co.rtm.agent.inspection;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A started instrument whose events the session takes while a test runs. Between tests events are dropped
 * (a lane instrument streams all day); while a test runs they queue, bounded, for the session thread.
 */
public final class InstrumentTap implements AutoCloseable {
    private static final int CAPACITY = 100_000;

    private final Instrument instrument;
    private volatile BlockingQueue<InstrumentEvent> current;
    private volatile long dropped;
    private volatile Identified lastIdentity;

    private InstrumentTap(Instrument instrument) {
        this.instrument = instrument;
    }

    /** Starts {@code instrument} and taps its events. */
    public static InstrumentTap start(Instrument instrument) {
        InstrumentTap tap = new InstrumentTap(instrument);
        instrument.start(tap::offer);
        return tap;
    }

    public InstrumentKind kind() {
        return instrument.kind();
    }

    public Optional<DeviceIdentity> identity() {
        Identified id = lastIdentity;
        return id != null ? Optional.of(id.identity()) : instrument.identity();
    }

    private void offer(InstrumentEvent e) {
        if (e instanceof Identified i) {
            lastIdentity = i;
        }
        BlockingQueue<InstrumentEvent> q = current;
        if (q != null && !q.offer(e)) {
            dropped++;
        }
    }

    /**
     * Starts queueing events for a test; events from before are gone, except the instrument's last identity,
     * which opens the test's queue so the procedure can check the verification date.
     */
    void open() {
        BlockingQueue<InstrumentEvent> q = new LinkedBlockingQueue<>(CAPACITY);
        Identified id = lastIdentity;
        if (id != null) {
            q.add(id);
        }
        current = q;
    }

    /** The next event of the running test, or null when none arrived within {@code timeout}. */
    InstrumentEvent next(Duration timeout) throws InterruptedException {
        BlockingQueue<InstrumentEvent> q = current;
        if (q == null) {
            Thread.sleep(Math.max(1, timeout.toMillis()));   // shut or closed: wait as asked, never spin
            return null;
        }
        return q.poll(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Stops queueing. */
    void shut() {
        current = null;
    }

    /** Sends a command to the instrument; false (and the reason logged by the caller) when it cannot. */
    void send(byte[] command) throws java.io.IOException {
        instrument.send(command);
    }

    /** Events lost because a test's queue was full (should stay 0). */
    public long dropped() {
        return dropped;
    }

    @Override
    public void close() {
        current = null;
        instrument.close();
    }
}
