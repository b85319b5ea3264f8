package co.rtm.sim.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code hub serve --broker URL --db JDBC_URL --instance-id ID} process. Every instance shares the data
 * directory (the hub key that signs acks, the MQTT password) and the PostgreSQL database; a null JDBC URL
 * means the data directory's SQLite (one instance only).
 */
public final class HubInstance {
    /** The hub's test hook: halt the JVM right after the commit that reaches this many messages (co.rtm.hub.ingest.CrashPoint). */
    public static final String HALT_PROPERTY = "rtm.hub.haltAfterCommittedMessages";

    private final String id;
    private final Path hubDir;
    private final String jdbcUrl;
    private final String brokerUrl;
    private final Path log;
    private JavaProcess process;

    public HubInstance(String id, Path hubDir, String jdbcUrl, String brokerUrl, Path log) {
        this.id = id;
        this.hubDir = hubDir;
        this.jdbcUrl = jdbcUrl;
        this.brokerUrl = brokerUrl;
        this.log = log;
    }

    public String id() {
        return id;
    }

    /** Starts the instance and waits for its "hub ready" line; {@code haltAfter} > 0 arms the crash hook. */
    public synchronized void start(long haltAfter) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>();
        if (haltAfter > 0) {
            jvm.add("-D" + HALT_PROPERTY + "=" + haltAfter);
        }
        List<String> args = new ArrayList<>(List.of("serve", "--data", hubDir.toString(), "--broker", brokerUrl,
                "--instance-id", id, "--http-port", "0"));
        if (jdbcUrl != null) {
            args.addAll(List.of("--db", jdbcUrl));
        }
        process = new JavaProcess(log, jvm, "co.rtm.hub.cli.HubMain", args);
        long from = process.logSize();
        process.start();
        if (!process.awaitLog(from, "hub ready", 60_000) && haltAfter == 0) {
            // with the crash hook armed, halting before "hub ready" is fine: queued messages came in at once
            throw new IllegalStateException(id + " exited with " + process.exitCode() + " before it was ready; see " + log);
        }
    }

    public synchronized void start() throws IOException, InterruptedException {
        start(0);
    }

    public synchronized boolean alive() {
        return process != null && process.alive();
    }

    /** Exited on its own (the crash hook, or a failure), not killed by the harness. */
    public synchronized boolean died() {
        return process != null && process.died();
    }

    public synchronized int exitCode() {
        return process == null ? -1 : process.exitCode();
    }

    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.kill();
        }
    }

    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.stop();
        }
    }
}
