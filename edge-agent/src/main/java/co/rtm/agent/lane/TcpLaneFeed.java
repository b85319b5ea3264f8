package co.rtm.agent.lane;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a simulated lane device over raw TCP, the agent being the client, until real instrument drivers
 * exist. The device is the server; when it is down or drops the connection, the feed reconnects with
 * exponential backoff ({@value #MIN_BACKOFF_MS} ms doubling up to {@value #MAX_BACKOFF_MS} ms).
 *
 * <h2>Line protocol (device -> agent; the agent never writes)</h2>
 * <ul>
 * <li><b>Framing.</b> One JSON object per vehicle, UTF-8, on one line terminated by {@code \n} (a {@code \r}
 *     before it is tolerated). Blank lines are ignored (usable as keep-alives). A line may be at most
 *     {@value #MAX_LINE_BYTES} bytes without its terminator.</li>
 * <li><b>Content.</b> The scoring document of DESIGN §5 ({@code testedAt}, {@code vehicle},
 *     {@code measurements}, {@code sensoryDefects}) plus two optional lane members, removed before scoring:
 *     {@code "startedAt"} (ISO-8601 with offset; when absent, the document's {@code testedAt} is used) and
 *     {@code "inspectors": ["<id>", ...]} (non-blank strings of at most 64 characters).</li>
 * <li><b>Bad lines.</b> A line that is not UTF-8, not a single JSON object (duplicate members and trailing data
 *     included), too long, cut off by a disconnect, or whose lane members are wrong is an instrument fault:
 *     {@link #next} throws {@link LaneFaultException} for it, the station logs and reports it, and it is never
 *     scored. Reading resumes at the next line. A document that is valid JSON but not a valid scoring document
 *     is detected by the station, with the same outcome.</li>
 * <li><b>Flow control.</b> The agent reads a line only when it is ready to start an inspection (its outbox
 *     has room), so a device that cannot write is being held back on purpose, by TCP. Lines are not
 *     acknowledged: a line the agent had received but not yet stored when it died is lost, which is why real
 *     drivers replace this simulator link.</li>
 * </ul>
 * Single consumer: call {@link #next} from one thread; {@link #close} from any.
 */
public final class TcpLaneFeed implements LaneFeed {

    /** Longest line accepted, without its {@code \n}. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    static final long MIN_BACKOFF_MS = 100;
    static final long MAX_BACKOFF_MS = 5_000;
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(TcpLaneFeed.class);

    private final String host;
    private final int port;
    private final Object socketLock = new Object();
    private volatile boolean closed;
    private Socket socket;
    private volatile InputStream in;

    private final byte[] chunk = new byte[8192];
    private int chunkPos;
    private int chunkLen;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean skipping;

    private long backoffMs = MIN_BACKOFF_MS;
    private long nextAttemptNanos = System.nanoTime();
    private boolean warnedDown;

    /** A feed from the device at {@code host:port}; it connects on the first {@link #next}. */
    public TcpLaneFeed(String host, int port) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        this.port = port;
    }

    @Override
    public Optional<LaneReading> next(Duration timeout) throws LaneFaultException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (!closed && !Thread.currentThread().isInterrupted()) {
            byte[] complete = takeLine();
            if (complete != null) {
                if (isBlank(complete)) {
                    continue;
                }
                return Optional.of(LaneLine.parse(complete));
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Optional.empty();
            }
            if (in == null) {
                connect(remaining);
            } else {
                fill(remaining);
            }
        }
        return Optional.empty();
    }

    /** The next complete line from the buffer, or null when more bytes are needed. */
    private byte[] takeLine() throws LaneFaultException {
        while (chunkPos < chunkLen) {
            int nl = indexOfNewline();
            int end = nl < 0 ? chunkLen : nl;
            if (!skipping) {
                if (line.size() + (end - chunkPos) > MAX_LINE_BYTES) {
                    String excerpt = LaneLine.excerpt(line.toString(StandardCharsets.UTF_8));
                    skipping = true;
                    line.reset();
                    chunkPos = end; // the rest of this line is discarded as it arrives
                    throw new LaneFaultException("line longer than " + MAX_LINE_BYTES
                            + " bytes; discarded up to the next newline", excerpt);
                }
                line.write(chunk, chunkPos, end - chunkPos);
            }
            if (nl < 0) {
                chunkPos = chunkLen;
                return null;
            }
            chunkPos = nl + 1;
            if (skipping) {
                skipping = false;
                continue;
            }
            byte[] out = line.toByteArray();
            line.reset();
            int len = out.length;
            if (len > 0 && out[len - 1] == '\r') {
                out = Arrays.copyOf(out, len - 1);
            }
            return out;
        }
        return null;
    }

    private int indexOfNewline() {
        for (int i = chunkPos; i < chunkLen; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void connect(long remainingNanos) {
        long wait = nextAttemptNanos - System.nanoTime();
        if (wait > 0) {
            sleepNanos(Math.min(wait, remainingNanos));
            return;
        }
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port),
                    (int) Math.max(1, Math.min(CONNECT_TIMEOUT_MS, TimeUnit.NANOSECONDS.toMillis(remainingNanos))));
            s.setKeepAlive(true);
            synchronized (socketLock) {
                if (closed) {
                    s.close();
                    return;
                }
                socket = s;
                in = s.getInputStream();
            }
            backoffMs = MIN_BACKOFF_MS;
            warnedDown = false;
            LOG.info("connected to lane device {}:{}", host, port);
        } catch (IOException e) {
            closeQuietly(s);
            if (!warnedDown) {
                LOG.warn("cannot reach lane device {}:{} ({}); retrying with backoff up to {} ms", host, port,
                        e.getMessage(), MAX_BACKOFF_MS);
                warnedDown = true;
            } else {
                LOG.debug("lane device {}:{} still unreachable: {}", host, port, e.getMessage());
            }
            scheduleReconnect();
        }
    }

    private void fill(long remainingNanos) throws LaneFaultException {
        Socket s;
        InputStream i;
        synchronized (socketLock) {
            s = socket;
            i = in;
        }
        if (s == null) {
            return; // closed meanwhile
        }
        try {
            s.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE,
                    TimeUnit.NANOSECONDS.toMillis(remainingNanos))));
            int n = i.read(chunk, 0, chunk.length);
            if (n < 0) {
                drop("the device closed the connection");
                return;
            }
            chunkPos = 0;
            chunkLen = n;
        } catch (SocketTimeoutException e) {
            // nothing within the timeout; the partial line, if any, stays buffered
        } catch (IOException e) {
            drop(e.getMessage());
        }
    }

    /** Forgets the connection; a line cut off by it is a fault, because it can never be completed. */
    private void drop(String why) throws LaneFaultException {
        synchronized (socketLock) {
            closeQuietly(socket);
            socket = null;
            in = null;
        }
        chunkPos = 0;
        chunkLen = 0;
        boolean cut = line.size() > 0 && !skipping;
        String excerpt = LaneLine.excerpt(line.toString(StandardCharsets.UTF_8));
        line.reset();
        skipping = false;
        if (closed) {
            return;
        }
        LOG.warn("lane device {}:{} disconnected ({}); reconnecting", host, port, why);
        scheduleReconnect();
        if (cut) {
            throw new LaneFaultException("the connection dropped in the middle of a line; the partial line was discarded",
                    excerpt);
        }
    }

    private void scheduleReconnect() {
        nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Disconnects; a blocked {@link #next} returns empty. */
    @Override
    public void close() {
        closed = true;
        synchronized (socketLock) {
            closeQuietly(socket);
            socket = null;
            in = null;
        }
    }

    @Override
    public String toString() {
        return "tcp://" + host + ":" + port;
    }
}
