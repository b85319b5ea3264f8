package co.rtm.sim.instruments.serve;

import co.rtm.agent.instruments.link.SerialLink;
import co.rtm.sim.instruments.SimulatedDevice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A simulated instrument on a serial line: socat makes a pty pair, this server drives one end (through
 * jSerialComm, like the agent) and {@link #agentPath()} is the other end for the agent to open as a serial
 * port. One thread ticks the device every {@code tick} and answers commands. A serial line has no connection
 * to drop: a {@link WireFaults} disconnection makes the device go silent (and deaf) for its length, as an
 * unplugged cable would. {@link #close()} stops socat, so both pty links disappear.
 */
public final class PtyDeviceServer implements AutoCloseable {

    private final SimulatedDevice device;
    private final WireFaults faults;
    private final Duration tick;
    private final Clock clock;
    private final Process socat;
    private final Path agentPath;
    private final Path devicePath;
    private final SerialLink line;
    private final Thread thread;
    private volatile boolean closed;

    private PtyDeviceServer(SimulatedDevice device, WireFaults faults, Duration tick, Clock clock, Process socat,
                            Path devicePath, Path agentPath, SerialLink line) {
        this.device = device;
        this.faults = faults;
        this.tick = tick;
        this.clock = clock;
        this.socat = socat;
        this.agentPath = agentPath;
        this.devicePath = devicePath;
        this.line = line;
        this.thread = new Thread(this::run, "sim-pty-" + device.kind().json());
        this.thread.setDaemon(true);
    }

    /**
     * Start socat with its two pty links in {@code dir} ({@code <kind>-device}, {@code <kind>-agent}) and serve
     * {@code device} on the device end. Needs {@code socat} on the PATH.
     */
    public static PtyDeviceServer start(SimulatedDevice device, Path dir, WireFaults faults, Duration tick, Clock clock)
            throws IOException {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(faults, "faults");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive");
        }
        Files.createDirectories(dir);
        Path devicePath = dir.resolve(device.kind().json() + "-device").toAbsolutePath();
        Path agentPath = dir.resolve(device.kind().json() + "-agent").toAbsolutePath();
        Files.deleteIfExists(devicePath);
        Files.deleteIfExists(agentPath);
        Process socat;
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + devicePath, "pty,raw,echo=0,link=" + agentPath)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(device.kind().json() + "-socat.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot start socat (is it installed?): " + e.getMessage(), e);
        }
        try {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!(Files.exists(devicePath) && Files.exists(agentPath))) {
                if (!socat.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("socat did not make the pty pair in " + dir);
                }
                Thread.sleep(10);
            }
            SerialLink line = SerialLink.open(devicePath.toString(), "9600,8N1");
            PtyDeviceServer s = new PtyDeviceServer(device, faults, tick, clock, socat, devicePath, agentPath, line);
            s.thread.start();
            return s;
        } catch (IOException | RuntimeException e) {
            socat.destroy();
            throw e;
        } catch (InterruptedException e) {
            socat.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting socat", e);
        }
    }

    /** Serve {@code device} with a clean line and 20 ms ticks. */
    public static PtyDeviceServer start(SimulatedDevice device, Path dir) throws IOException {
        return start(device, dir, WireFaults.none(), Duration.ofMillis(20), Clock.systemUTC());
    }

    /** The pty the agent opens, e.g. with {@code SerialLink.open(path, "9600,8N1")}. */
    public Path agentPath() {
        return agentPath;
    }

    public WireFaults faults() {
        return faults;
    }

    private void run() {
        byte[] buf = new byte[1024];
        Instant nextTick = clock.instant();
        try {
            while (!closed) {
                Duration wait = Duration.between(clock.instant(), nextTick);
                int n = line.read(buf, wait.toMillis() < 1 ? Duration.ofMillis(1) : wait);
                if (n < 0) {
                    return;
                }
                Instant now = clock.instant();
                if (n > 0 && !faults.down(now)) {
                    send(device.onCommand(Arrays.copyOf(buf, n), now));
                }
                if (!now.isBefore(nextTick)) {
                    nextTick = nextTick.plus(tick);
                    if (nextTick.isBefore(now)) {
                        nextTick = now.plus(tick);
                    }
                    byte[] out = device.tick(now);
                    if (!faults.disconnectDue(now) && !faults.down(now)) {
                        send(out);
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                System.getLogger(PtyDeviceServer.class.getName())
                        .log(System.Logger.Level.WARNING, "pty device line failed: " + e.getMessage());
            }
        }
    }

    private void send(byte[] bytes) throws IOException {
        if (bytes.length > 0) {
            line.write(faults.apply(bytes));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.close();
        socat.destroy();
        try {
            // socat waits on exit for output nobody reads to drain from the ptys: do not wait with it
            if (!socat.waitFor(300, TimeUnit.MILLISECONDS)) {
                socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(agentPath);
            Files.deleteIfExists(devicePath);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a dangling link in the work directory; the next start replaces it
        }
    }
}
