package co.rtm.agent.uplink;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto broker for tests, on 127.0.0.1 and a free port, without persistence (so a
 * restart loses every session, the harshest case for the uplink). Skips the test when the binary
 * is missing, unless {@code CI=true}, where a missing broker is a failure.
 */
public final class MosquittoProcess implements AutoCloseable {

    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    private MosquittoProcess(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /** Starts a broker whose config and log live in {@code dir}. */
    public static MosquittoProcess start(Path dir) throws IOException, InterruptedException {
        Optional<Path> binary = findBinary();
        if (binary.isEmpty()) {
            String why = "mosquitto not installed (apt-get install -y mosquitto)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; required when CI=true");
            }
            Assumptions.abort(why);
        }
        MosquittoProcess broker = new MosquittoProcess(binary.get(), dir, freePort());
        broker.start();
        return broker;
    }

    private static Optional<Path> findBinary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : (path + ":/usr/sbin:/usr/local/sbin:/opt/homebrew/sbin").split(":")) {
            if (!d.isEmpty()) {
                Path p = Path.of(d, "mosquitto");
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts (again) on the same port and waits until it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.write(conf, List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                // as README "Deploying on real lanes" asks of an external broker: Paho 1.2.5 resends in-flight
                // QoS 1 publishes after a reconnect with their old topic alias and no topic, and Mosquitto then
                // drops the lane with a protocol error (0x82) on every reconnect (eclipse-paho/paho.mqtt.java#1104)
                "max_topic_alias 0",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice"));
        process = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("mosquitto.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not open port " + port);
    }

    /** Kills the broker at once (SIGKILL): no goodbye to any client, in-flight messages are lost. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
    }
}
