package co.rtm.sim.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One {@code edge-agent run} process for a station, reading vehicles from a simulated lane device over TCP. */
public final class AgentInstance {
    private final String stationId;
    private final Path dataDir;
    private final JavaProcess process;

    public AgentInstance(String stationId, Path bundle, Path dataDir, String laneUrl, Path log) {
        this.stationId = stationId;
        this.dataDir = dataDir;
        this.process = new JavaProcess(log, List.of(), "co.rtm.agent.cli.AgentMain", List.of("run", "--bundle",
                bundle.toString(), "--data", dataDir.toString(), "--lane", laneUrl, "--progress-seconds", "5"));
    }

    public String stationId() {
        return stationId;
    }

    public Path outbox() {
        return dataDir.resolve("outbox.db");
    }

    public void start() throws IOException {
        process.start();
    }

    public boolean alive() {
        return process.alive();
    }

    public void kill() throws InterruptedException {
        process.kill();
    }

    public void stop() throws InterruptedException {
        process.stop();
    }
}
