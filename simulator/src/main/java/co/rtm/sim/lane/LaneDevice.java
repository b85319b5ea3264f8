package co.rtm.sim.lane;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A simulated lane on 127.0.0.1: the device end of the agent's TCP lane protocol. Each vehicle that drives
 * through is one JSON document on one line. It serves one agent at a time (a lane has one agent), paces the
 * vehicles as a real lane would ({@code interval} between vehicles), and survives the agent reconnecting.
 */
public final class LaneDevice implements SimulatedLane {
    private final ServerSocket server;
    private final Supplier<String> vehicles;
    private final Duration interval;
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean paused;

    private LaneDevice(ServerSocket server, Supplier<String> vehicles, Duration interval) {
        this.server = server;
        this.vehicles = vehicles;
        this.interval = interval;
        this.thread = new Thread(this::serve, "lane-device-" + server.getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Starts a device on a free loopback port; {@code vehicles} yields one JSON document (one line) per call. */
    public static LaneDevice start(Supplier<String> vehicles, Duration interval) throws IOException {
        return start(0, vehicles, interval);
    }

    /** Starts a device on the given loopback port (0 picks a free one). */
    public static LaneDevice start(int port, Supplier<String> vehicles, Duration interval) throws IOException {
        LaneDevice d = new LaneDevice(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()), vehicles, interval);
        d.thread.start();
        return d;
    }

    @Override
    public int port() { return server.getLocalPort(); }

    /** {@code tcp://127.0.0.1:PORT}, as the agent's {@code --lane} option takes it. */
    public String url() { return "tcp://127.0.0.1:" + port(); }

    /** Vehicles written to an agent so far. */
    public long sent() { return sent.get(); }

    /** Stops sending vehicles (the lane is closed) without dropping the agent's connection. */
    @Override
    public void pause(boolean paused) { this.paused = paused; }

    private void serve() {
        while (running) {
            try (Socket s = server.accept();
                 BufferedWriter out = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8))) {
                s.setTcpNoDelay(true);
                while (running) {
                    if (interval.toMillis() > 0) Thread.sleep(interval.toMillis());
                    if (paused) {
                        Thread.sleep(50);
                        continue;
                    }
                    out.write(vehicles.get());
                    out.write('\n');
                    out.flush();
                    sent.incrementAndGet();
                }
            } catch (SocketException e) {
                // the agent went away (or we are closing): wait for the next connection
            } catch (IOException e) {
                if (running) System.err.println("lane device " + port() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // the vehicle source gave up because we are closing
                }
                throw e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        thread.interrupt();
    }
}
