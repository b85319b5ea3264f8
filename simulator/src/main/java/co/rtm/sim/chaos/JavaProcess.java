package co.rtm.sim.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the project's main classes in its own JVM (same class path as this one: the simulator jar holds all
 * modules), output appended to a log file, so it can be SIGKILLed like a power cut and started again.
 */
final class JavaProcess {
    private final Path log;
    private final List<String> command;
    private Process process;

    JavaProcess(Path log, List<String> jvmOptions, String mainClass, List<String> args) {
        this.log = log;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        this.command = List.copyOf(cmd);
    }

    synchronized void start() throws IOException {
        if (alive()) {
            return;
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** True when the process was started and has exited on its own (not through {@link #kill}). */
    synchronized boolean died() {
        return process != null && !process.isAlive();
    }

    synchronized int exitCode() {
        return process == null || process.isAlive() ? -1 : process.exitValue();
    }

    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    /**
     * Waits until the log has grown past {@code from} and contains {@code marker} after it; false when the process
     * exited first.
     */
    boolean awaitLog(long from, String marker, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.size(log) > from) {
                String text = Files.readString(log);
                if (text.substring((int) Math.min(from, text.length())).contains(marker)) {
                    return true;
                }
            }
            if (died()) {
                return false;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no '" + marker + "' in " + log + " within " + timeoutMs + " ms");
    }

    long logSize() throws IOException {
        return Files.exists(log) ? Files.size(log) : 0;
    }
}
