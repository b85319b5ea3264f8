package co.rtm.sim.instruments.serve;

import co.rtm.sim.instruments.SimulatedDevice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated instrument behind an RS-232 device server: raw bytes over TCP on 127.0.0.1, one client at a time,
 * a new one accepted after a disconnect. One thread owns the device: it ticks it every {@code tick} (bytes sent
 * when nobody is connected are lost, as on a real wire), passes what the client sends to
 * {@link SimulatedDevice#onCommand} and writes the answer back, all through the {@link WireFaults}.
 */
public final class TcpDeviceServer implements AutoCloseable {

    private final SimulatedDevice device;
    private final WireFaults faults;
    private final Duration tick;
    private final Clock clock;
    private final ServerSocket server;
    private final Thread thread;
    private final AtomicInteger clients = new AtomicInteger();
    private volatile boolean closed;
    private volatile Socket client;

    private TcpDeviceServer(SimulatedDevice device, WireFaults faults, Duration tick, Clock clock, ServerSocket server) {
        this.device = device;
        this.faults = faults;
        this.tick = tick;
        this.clock = clock;
        this.server = server;
        this.thread = new Thread(this::run, "sim-tcp-" + device.kind().json() + "-" + server.getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Serve {@code device} on an ephemeral loopback port, clean wire, 20 ms ticks. */
    public static TcpDeviceServer start(SimulatedDevice device) throws IOException {
        return start(device, 0, WireFaults.none(), Duration.ofMillis(20), Clock.systemUTC());
    }

    /** Serve {@code device} on 127.0.0.1:{@code port} (0 = ephemeral). */
    public static TcpDeviceServer start(SimulatedDevice device, int port, WireFaults faults, Duration tick, Clock clock)
            throws IOException {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(faults, "faults");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive");
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        TcpDeviceServer s = new TcpDeviceServer(device, faults, tick, clock, server);
        s.thread.start();
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    public WireFaults faults() {
        return faults;
    }

    /** Clients accepted so far (those refused during a disconnection not counted). */
    public int clientsAccepted() {
        return clients.get();
    }

    private void run() {
        byte[] buf = new byte[1024];
        Instant nextTick = clock.instant();
        while (!closed) {
            try {
                int waitMs = (int) Math.max(1, Duration.between(clock.instant(), nextTick).toMillis());
                Socket c = client;
                if (c == null) {
                    server.setSoTimeout(waitMs);
                    try {
                        Socket accepted = server.accept();
                        if (faults.down(clock.instant())) {
                            accepted.close();          // the device server is "unplugged"
                        } else {
                            accepted.setTcpNoDelay(true);
                            client = accepted;
                            clients.incrementAndGet();
                        }
                    } catch (SocketTimeoutException ignored) {
                        // time to tick
                    }
                } else {
                    c.setSoTimeout(waitMs);
                    try {
                        InputStream in = c.getInputStream();
                        int n = in.read(buf);
                        if (n < 0) {
                            dropClient();
                        } else if (n > 0) {
                            send(device.onCommand(Arrays.copyOf(buf, n), clock.instant()));
                        }
                    } catch (SocketTimeoutException ignored) {
                        // time to tick
                    }
                }
                Instant now = clock.instant();
                if (!now.isBefore(nextTick)) {
                    nextTick = nextTick.plus(tick);
                    if (nextTick.isBefore(now)) {
                        nextTick = now.plus(tick);     // fell behind: do not burst
                    }
                    byte[] out = device.tick(now);
                    if (faults.disconnectDue(now)) {
                        dropClient();
                    } else {
                        send(out);
                    }
                }
            } catch (IOException e) {
                dropClient();
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void send(byte[] bytes) {
        Socket c = client;
        if (c == null || bytes.length == 0) {
            return;
        }
        try {
            OutputStream out = c.getOutputStream();
            out.write(faults.apply(bytes));
            out.flush();
        } catch (IOException e) {
            dropClient();
        }
    }

    private void dropClient() {
        Socket c = client;
        client = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // gone anyway
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        dropClient();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
