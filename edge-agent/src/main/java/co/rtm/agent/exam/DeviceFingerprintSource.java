package co.rtm.agent.exam;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fingerprints from the station's fingerprint instrument (a driver of kind {@code fingerprint}, e.g. the FPR1
 * {@code NetworkFingerprintReader}) instead of the terminal's {@code FINGER} line. A capture asks the person (the
 * prompt goes to the terminal), forgets whatever the reader sent before, and takes the next template the driver
 * extracted; the photo comes from a {@link PhotoSource}. A driver fault while waiting (CRC mismatch, bad frame,
 * device error, a print too poor to extract, a lost link) is never a match: the capture fails as a lost terminal,
 * so the station restarts from identification. One reader serves one capture at a time.
 */
public final class DeviceFingerprintSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceFingerprintSource.class);

    private final Instrument reader;
    private final Duration timeout;
    private final BlockingQueue<InstrumentEvent> events = new LinkedBlockingQueue<>();

    /** @param timeout how long the person has to place the finger */
    public DeviceFingerprintSource(Instrument reader, Duration timeout) {
        if (reader.kind() != InstrumentKind.FINGERPRINT) {
            throw new IllegalArgumentException("a " + reader.kind() + " instrument is not a fingerprint reader");
        }
        this.reader = reader;
        this.timeout = timeout;
    }

    /** Starts the driver; events arrive on its thread. */
    public DeviceFingerprintSource start() {
        reader.start(e -> {
            if (e instanceof Reading || e instanceof Fault) {
                events.add(e);
            }
        });
        return this;
    }

    /** A source for one sitting: {@code shows} tells the person the prompt, {@code photos} takes the photo. */
    public FingerprintSource at(Consumer<String> shows, PhotoSource photos) {
        return prompt -> capture(prompt, shows, photos);
    }

    public synchronized Capture capture(String prompt, Consumer<String> shows, PhotoSource photos) throws TerminalLost {
        events.clear();
        shows.accept(prompt);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            InstrumentEvent e;
            try {
                e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new TerminalLost("interrupted waiting for the fingerprint reader", ie);
            }
            if (e == null) {
                throw new TerminalLost("no fingerprint from the reader in " + timeout.toSeconds() + " s");
            }
            if (e instanceof Fault f) {
                LOG.warn("fingerprint reader fault during a capture: {} {}", f.kind(), f.detail());
                throw new TerminalLost("fingerprint reader " + f.kind() + ": " + f.detail());
            }
            if (((Reading) e).sample() instanceof Sample.FingerprintCapture c) {
                return Capture.ofTemplate(c.template(), c.dpi(), photos.photo("Mire a la cámara"));
            }
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
