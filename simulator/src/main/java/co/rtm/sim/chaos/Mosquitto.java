package co.rtm.sim.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker process on 127.0.0.1 with a password file and an ACL file ({@link BrokerFiles}), persistence
 * on (sessions and queued QoS 1 messages survive a restart, saved every second), and {@code max_topic_alias 0}
 * (Paho 1.2.5 resends in-flight publishes with a stale topic alias after a reconnect: eclipse-paho/paho.mqtt.java#1104).
 */
public final class Mosquitto implements AutoCloseable {
    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    private Mosquitto(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /** The mosquitto binary on PATH (or /usr/sbin, /usr/local/sbin), if installed. */
    public static Optional<Path> binary() {
        return Tools.find("mosquitto");
    }

    public static Mosquitto create(Path binary, Path dir, int port, Path passwordFile, Path aclFile) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("mosquitto.conf"), List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + passwordFile.toAbsolutePath(),
                "acl_file " + aclFile.toAbsolutePath(),
                // started as root, mosquitto would switch to user "mosquitto", who cannot read a private temp dir
                "user " + System.getProperty("user.name"),
                "persistence true",
                "persistence_location " + dir.toAbsolutePath() + "/",
                "autosave_interval 1",
                "max_topic_alias 0",
                "max_queued_messages 100000",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice"));
        return new Mosquitto(binary, dir, port);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts (again) on the same port and returns once it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        if (running()) {
            return;
        }
        process = new ProcessBuilder(binary.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see " + dir.resolve("mosquitto.log"));
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

    /** SIGKILL: no goodbye to any client; whatever was not yet saved is gone. */
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
