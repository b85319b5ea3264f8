package co.rtm.agent.instruments.fingerprint;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A fingerprint reader behind a TCP device server speaking FPR1 (see {@code package-info.java}). Connects,
 * decodes frames with {@link FingerprintFrameDecoder} and reconnects after a loss. Reports
 * {@link FaultKind#DISCONNECTED} once when the connection fails or drops (not again until it has come back)
 * and {@link FaultKind#TIMEOUT} when nothing, not even a heartbeat, arrived for {@code idleTimeout}; then it
 * reconnects. Events are delivered on the reader's own thread.
 */
public final class NetworkFingerprintReader implements Instrument {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final String host;
    private final int port;
    private final Duration idleTimeout;
    private final Duration retryDelay;
    private final FingerprintFrameDecoder decoder;
    private final Clock clock;
    private volatile DeviceIdentity identity;
    private volatile boolean closed;
    private volatile Socket socket;
    private Thread thread;

    /** Heartbeats every 5 s by the protocol, so 15 s idle is three missed ones. */
    public NetworkFingerprintReader(String host, int port, FingerprintExtractor extractor) {
        this(host, port, extractor, Duration.ofSeconds(15), Duration.ofSeconds(1), Clock.systemUTC());
    }

    public NetworkFingerprintReader(String host, int port, FingerprintExtractor extractor, Duration idleTimeout,
                                    Duration retryDelay, Clock clock) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.idleTimeout = idleTimeout;
        this.retryDelay = retryDelay;
        this.decoder = new FingerprintFrameDecoder(extractor);
        this.clock = clock;
    }

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.FINGERPRINT;
    }

    @Override
    public Optional<DeviceIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    @Override
    public synchronized void start(Consumer<InstrumentEvent> listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        Consumer<InstrumentEvent> tap = e -> {
            if (e instanceof Identified id) {
                identity = id.identity();
            }
            listener.accept(e);
        };
        thread = new Thread(() -> run(tap), "fingerprint tcp://" + host + ":" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Consumer<InstrumentEvent> out) {
        boolean reportedDown = false;
        byte[] buf = new byte[64 * 1024];
        while (!closed) {
            String problem;
            FaultKind kind = FaultKind.DISCONNECTED;
            try (Socket s = new Socket()) {
                socket = s;
                s.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
                s.setSoTimeout((int) idleTimeout.toMillis());
                reportedDown = false;
                InputStream in = s.getInputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    decoder.feed(buf, 0, n, clock.instant(), out);
                }
                problem = "device server closed the connection";
            } catch (SocketTimeoutException e) {
                problem = "nothing received for " + idleTimeout.toSeconds() + " s";
                kind = FaultKind.TIMEOUT;
            } catch (IOException e) {
                problem = "connection failed: " + e.getMessage();
            }
            socket = null;
            decoder.endOfStream(clock.instant(), out);
            if (closed) {
                return;
            }
            if (!reportedDown || kind == FaultKind.TIMEOUT) {
                out.accept(new Fault(clock.instant(), kind, "tcp://" + host + ":" + port + ": " + problem));
                reportedDown = true;
            }
            try {
                Thread.sleep(retryDelay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
