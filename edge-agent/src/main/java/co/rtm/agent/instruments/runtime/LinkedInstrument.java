package co.rtm.agent.instruments.runtime;

import co.rtm.agent.instruments.ByteLink;
import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The generic live instrument: a {@link FrameDecoder} fed from a {@link ByteLink} by one named reader thread,
 * with the faults no single frame can show added on top:
 * <ul>
 *   <li>{@link FaultKind#TIMEOUT} once per silence longer than the deadline (again only after bytes came back);</li>
 *   <li>{@link FaultKind#DISCONNECTED} when the link fails, ends or cannot be opened, once per outage (the failed
 *       attempts to reopen are not reported again until bytes flowed); with a {@link LinkOpener} the runtime
 *       reopens the link with exponential backoff, otherwise the thread stops after the fault;</li>
 *   <li>{@link FaultKind#STUCK_VALUE} once when the same sample repeats more than N times in a row
 *       ({@link #defaultStuckLimit(InstrumentKind)}, per channel, see {@link StuckDetector});</li>
 *   <li>{@link FaultKind#CALIBRATION_EXPIRED} when the last reported identity's {@code verificationDue} is before
 *       the reading's date in America/Bogota. Choice: the reading is still delivered, and each such reading is
 *       immediately preceded by its own CALIBRATION_EXPIRED fault with the same instant, so a consumer that
 *       only keeps the latest fault still sees it. Readings before any identity arrived cannot be checked.</li>
 * </ul>
 * An exception thrown by the decoder becomes a BAD_FRAME fault, one thrown by the listener a DEVICE_ERROR fault;
 * the thread carries on. Optional: an identity request written on each (re)connection, and a poll command
 * written every period for polled protocols. A fresh decoder is made for each connection so a frame cut by a
 * disconnect never joins bytes from the next one.
 */
public final class LinkedInstrument implements Instrument {

    private static final System.Logger LOG = System.getLogger(LinkedInstrument.class.getName());
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final Supplier<? extends FrameDecoder> decoders;
    private final LinkOpener opener;
    private final boolean reconnect;
    private final InstrumentKind kind;
    private final Duration silence;
    private final int stuckLimit;
    private final byte[] poll;
    private final Duration pollEvery;
    private final byte[] identify;
    private final Duration backoffMin;
    private final Duration backoffMax;
    private final Clock clock;
    private final String threadName;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile DeviceIdentity identity;
    private volatile boolean closed;
    private volatile ByteLink link;
    private Thread thread;
    private Consumer<InstrumentEvent> listener;
    private StuckDetector stuck;
    private boolean outage;     // reader thread only: DISCONNECTED already said, no bytes since

    private LinkedInstrument(Builder b) {
        this.decoders = b.decoders;
        this.opener = b.opener;
        this.reconnect = b.reconnect;
        this.kind = b.kind;
        this.silence = b.silence;
        this.stuckLimit = b.stuckLimit != null ? b.stuckLimit : defaultStuckLimit(b.kind);
        this.poll = b.poll;
        this.pollEvery = b.pollEvery;
        this.identify = b.identify;
        this.backoffMin = b.backoffMin;
        this.backoffMax = b.backoffMax;
        this.clock = b.clock;
        this.threadName = b.threadName != null ? b.threadName : "instrument-" + b.kind.json();
    }

    /** Reopen links through {@code opener} after failures; a fresh decoder from {@code decoders} per link. */
    public static Builder builder(Supplier<? extends FrameDecoder> decoders, LinkOpener opener) {
        return new Builder(decoders, opener, true);
    }

    /** One link, no reconnection: after DISCONNECTED the instrument stays down (replays, one-shot tests). */
    public static Builder builder(FrameDecoder decoder, ByteLink link) {
        Objects.requireNonNull(link, "link");
        return new Builder(() -> decoder, () -> link, false);
    }

    /**
     * Repeats in a row tolerated before STUCK_VALUE, by kind; 0 = off. On for live noisy sensors whose exact
     * repeats mean a frozen device (gas analyser, sound meter); off where repeats are normal (a brake roller
     * or opacimeter idling at zero, a GPS standing still, manual gauges, photocells).
     */
    public static int defaultStuckLimit(InstrumentKind kind) {
        return switch (kind) {
            case GAS -> 30;
            case SOUND -> 50;
            case GPS, BRAKE, OPACITY, LIGHTS, SUSPENSION, SIDESLIP, TREAD, FINGERPRINT -> 0;
        };
    }

    @Override
    public InstrumentKind kind() {
        return kind;
    }

    @Override
    public Optional<DeviceIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /** The limit in force for STUCK_VALUE (0 = off). */
    public int stuckLimit() {
        return stuckLimit;
    }

    @Override
    public synchronized void start(Consumer<InstrumentEvent> listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        this.stuck = new StuckDetector(stuckLimit);
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes {@code command} on the current link. */
    @Override
    public void send(byte[] command) throws java.io.IOException {
        ByteLink l = link;
        if (l == null) {
            throw new java.io.IOException(kind.json() + " instrument is not connected");
        }
        l.write(command);
    }

    @Override
    public void close() {
        closed = true;
        ByteLink l = link;
        if (l != null) {
            l.close();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- reader thread ------------------------------------------------------------------------------------

    private void run() {
        Duration backoff = backoffMin;
        try {
            while (!closed) {
                boolean gotBytes = false;
                try {
                    link = opener.open();
                } catch (IOException | RuntimeException e) {
                    disconnected("cannot open link: " + e.getMessage());
                }
                if (link != null) {
                    if (closed) {
                        link.close();
                        break;
                    }
                    gotBytes = serve(link);
                    link.close();
                    link = null;
                }
                if (!reconnect || closed) {
                    break;
                }
                backoff = gotBytes ? backoffMin : backoff;
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), backoffMax);
            }
        } finally {
            stopped.countDown();
        }
    }

    /** Read one link until it ends or fails; returns whether any bytes came. */
    private boolean serve(ByteLink l) {
        FrameDecoder decoder = decoders.get();
        byte[] buf = new byte[4096];
        boolean gotBytes = false;
        Instant lastBytes = clock.instant();
        boolean silent = false;
        Instant nextPoll = clock.instant();
        try {
            if (identify != null) {
                l.write(identify);
            }
            while (!closed) {
                Instant now = clock.instant();
                if (poll != null && !now.isBefore(nextPoll)) {
                    l.write(poll);
                    nextPoll = now.plus(pollEvery);
                }
                Duration wait = Duration.ofMillis(100);
                if (poll != null) {
                    wait = min(wait, Duration.between(now, nextPoll));
                }
                if (!silent) {
                    wait = min(wait, Duration.between(now, lastBytes.plus(silence)));
                }
                int n = l.read(buf, wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait);
                now = clock.instant();
                if (n < 0) {
                    endOfStream(decoder, now);
                    disconnected(l.describe() + ": link ended");
                    return gotBytes;
                }
                if (n > 0) {
                    gotBytes = true;
                    outage = false;
                    lastBytes = now;
                    silent = false;
                    feed(decoder, buf, n, now);
                } else if (!silent && !now.isBefore(lastBytes.plus(silence))) {
                    silent = true;
                    fault(FaultKind.TIMEOUT, l.describe() + ": nothing received for " + silence.toMillis() + " ms");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                endOfStream(decoder, clock.instant());
                disconnected(l.describe() + ": " + e.getMessage());
            }
        }
        return gotBytes;
    }

    private void feed(FrameDecoder decoder, byte[] buf, int n, Instant at) {
        try {
            decoder.feed(buf, 0, n, at, this::handle);
        } catch (RuntimeException e) {
            fault(FaultKind.BAD_FRAME, "decoder failed: " + e);
        }
    }

    private void endOfStream(FrameDecoder decoder, Instant at) {
        try {
            decoder.endOfStream(at, this::handle);
        } catch (RuntimeException e) {
            fault(FaultKind.BAD_FRAME, "decoder failed at end of stream: " + e);
        }
    }

    private void handle(InstrumentEvent event) {
        if (closed) {
            return;
        }
        if (event instanceof Identified id) {
            identity = id.identity();
        } else if (event instanceof Reading r) {
            DeviceIdentity who = identity;
            if (who != null && !who.verifiedOn(LocalDate.ofInstant(r.at(), BOGOTA))) {
                deliver(new Fault(r.at(), FaultKind.CALIBRATION_EXPIRED, "verification of " + who.vendor()
                        + " " + who.model() + " s/n " + who.serial() + " expired on " + who.verificationDue()));
            }
            if (stuck.stuck(r.sample())) {
                deliver(new Fault(r.at(), FaultKind.STUCK_VALUE,
                        "same value more than " + stuckLimit + " times in a row: " + r.sample()));
            }
        }
        deliver(event);
    }

    /** DISCONNECTED once per outage: failed reopen attempts are not repeated until bytes flowed again. */
    private void disconnected(String detail) {
        if (!outage) {
            outage = true;
            fault(FaultKind.DISCONNECTED, detail);
        }
    }

    private void fault(FaultKind kind, String detail) {
        if (!closed) {
            deliver(new Fault(clock.instant(), kind, detail));
        }
    }

    private void deliver(InstrumentEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            Fault f = new Fault(event.at(), FaultKind.DEVICE_ERROR, "listener failed on " + event + ": " + e);
            try {
                listener.accept(f);
            } catch (RuntimeException again) {
                LOG.log(System.Logger.Level.WARNING, threadName + ": listener failed twice, dropped " + event, again);
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Settings; defaults: silence 2 s, stuck limit by kind, no poll, no identity request, backoff 200 ms..10 s. */
    public static final class Builder {
        private final Supplier<? extends FrameDecoder> decoders;
        private final LinkOpener opener;
        private final boolean reconnect;
        private final InstrumentKind kind;
        private Duration silence = Duration.ofSeconds(2);
        private Integer stuckLimit;
        private byte[] poll;
        private Duration pollEvery;
        private byte[] identify;
        private Duration backoffMin = Duration.ofMillis(200);
        private Duration backoffMax = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private String threadName;

        private Builder(Supplier<? extends FrameDecoder> decoders, LinkOpener opener, boolean reconnect) {
            this.decoders = Objects.requireNonNull(decoders, "decoders");
            this.opener = Objects.requireNonNull(opener, "opener");
            this.reconnect = reconnect;
            this.kind = Objects.requireNonNull(decoders.get(), "decoder").kind();
        }

        /** TIMEOUT when nothing arrives for this long. */
        public Builder silence(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("silence deadline must be positive");
            }
            this.silence = deadline;
            return this;
        }

        /** STUCK_VALUE when one value repeats more than {@code repeats} times in a row; 0 turns it off. */
        public Builder stuckAfter(int repeats) {
            if (repeats < 0) {
                throw new IllegalArgumentException("repeats must be >= 0");
            }
            this.stuckLimit = repeats;
            return this;
        }

        /** Write {@code command} every {@code every} (polled protocols), first right after connecting. */
        public Builder poll(byte[] command, Duration every) {
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("poll period must be positive");
            }
            this.poll = command.clone();
            this.pollEvery = every;
            return this;
        }

        /** Write {@code command} once on each connection, to make the device report its identity. */
        public Builder identifyWith(byte[] command) {
            this.identify = command.clone();
            return this;
        }

        /** Wait between reconnection attempts: doubles from {@code min} up to {@code max}. */
        public Builder backoff(Duration min, Duration max) {
            if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < min <= max");
            }
            this.backoffMin = min;
            this.backoffMax = max;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Name of the reader thread; default {@code instrument-<kind>}. */
        public Builder threadName(String name) {
            this.threadName = Objects.requireNonNull(name, "name");
            return this;
        }

        public LinkedInstrument build() {
            return new LinkedInstrument(this);
        }
    }
}
