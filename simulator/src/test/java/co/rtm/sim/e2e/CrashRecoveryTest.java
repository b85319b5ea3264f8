package co.rtm.sim.e2e;

import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.station.StationAgent;
import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.lane.LaneDevice;
import co.rtm.sim.lane.LaneVehicles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promises of DESIGN §8 through real failures: the agent killed with SIGKILL while it publishes, and the hub
 * gone for a while. Real processes, the real embedded broker, real SQLite on both sides.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    private static LaneDevice lane(String profile, long seed, long intervalMs) throws Exception {
        return LaneDevice.start(new LaneVehicles(seed, Profiles.builtIn(profile).orElseThrow()), Duration.ofMillis(intervalMs));
    }

    private static String verifyLedger(Path hubDir) {
        StringWriter out = new StringWriter();
        int code = HubMain.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "verify-ledger", "--data", hubDir.toString(), "--json");
        assertThat(code).as("verify-ledger exit code; output: %s", out).isZero();
        return out.toString();
    }

    /** Every stored result reached the hub exactly once, and the station knows the FUR the hub gave it. */
    private static void assertEveryResultNumberedOnce(Path hubDb, String stationId, Path outboxDb) throws Exception {
        Map<String, Long> hub = Ledgers.hubFurs(hubDb, stationId);
        Map<String, Long> station = Ledgers.outboxFurs(outboxDb);
        assertThat(Ledgers.outboxUnfinished(outboxDb)).isZero();
        assertThat(station).isNotEmpty();
        assertThat(hub).isEqualTo(station);
        List<Long> furs = new ArrayList<>(hub.values());
        furs.removeIf(java.util.Objects::isNull); // INCOMPLETE results carry no FUR
        // gapless and in acceptance order: the n-th accepted completed inspection holds FUR n
        for (int i = 0; i < furs.size(); i++) assertThat(furs.get(i)).isEqualTo(i + 1L);
    }

    @Test
    void anAgentKilledMidPublishLosesNothingAndNumbersNothingTwice() throws Exception {
        Path hubDir = dir.resolve("hub");
        HubHome.init(hubDir);
        try (HubServer hub = HubServer.start(HubConfig.embedded(hubDir, 0));
             LaneDevice device = lane("cda-light", 7, 20)) {
            StationBundle bundle = hub.provision("CDA-E2E-001", "kill-lane-1", "cda-light");
            Path bundleFile = Files.write(dir.resolve("bundle.json"), Json.write(bundle));
            Path stationDir = dir.resolve("station");
            String[] args = {"run", "--bundle", bundleFile.toString(), "--data", stationDir.toString(), "--lane", device.url(), "--progress-seconds", "1"};
            Path log = dir.resolve("agent.log");

            for (int round = 1; round <= 3; round++) {
                Process agent = Processes.java(log, "co.rtm.agent.cli.AgentMain", args);
                long target = hub.counters().accepted() + 15;
                await().atMost(Duration.ofSeconds(60)).until(() -> hub.counters().accepted() >= target);
                agent.destroyForcibly().waitFor(); // SIGKILL while vehicles keep coming and results are in flight
            }
            device.pause(true);
            Process agent = Processes.java(log, "co.rtm.agent.cli.AgentMain", args);
            Path outbox = stationDir.resolve("outbox.db");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Files.exists(outbox) && Ledgers.outboxUnfinished(outbox) == 0
                            && Ledgers.outboxFurs(outbox).size() == Ledgers.hubFurs(hubDir.resolve("hub.db"), "kill-lane-1").size());
            agent.destroy();
            agent.waitFor();
            assertEveryResultNumberedOnce(hubDir.resolve("hub.db"), "kill-lane-1", outbox);
            assertThat(hub.counters().refused()).isZero();
        }
        assertThat(verifyLedger(hubDir)).contains("\"ok\":true");
    }

    @Test
    void aHubAwayForAWhileDrainsTheBacklogGaplessly() throws Exception {
        Path hubDir = dir.resolve("hub");
        HubHome.init(hubDir);
        int port = Processes.freePort();
        StringWriter provisionOut = new StringWriter();
        Path bundleFile = dir.resolve("bundle.json");
        assertThat(HubMain.run(new PrintWriter(provisionOut), new PrintWriter(provisionOut), "provision-station", "--data", hubDir.toString(),
                "--center", "CDA-E2E-002", "--station", "away-lane-1", "--kind", "cda-light", "--out", bundleFile.toString(),
                "--mqtt-url", "tcp://127.0.0.1:" + port)).as(provisionOut.toString()).isZero();
        StationBundle bundle = co.rtm.agent.station.Bundles.read(bundleFile);
        Path log = dir.resolve("hub.log");
        String[] serve = {"serve", "--data", hubDir.toString(), "--mqtt-port", String.valueOf(port)};

        Process hub = Processes.java(log, "co.rtm.hub.cli.HubMain", serve);
        Path stationDir = dir.resolve("station");
        try (LaneDevice device = lane("cda-light", 11, 40);
             StationAgent agent = StationAgent.start(bundle, stationDir, new TcpLaneFeed("127.0.0.1", device.port()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> agent.stats().acked() >= 10);

            hub.destroyForcibly().waitFor(); // the hub dies; the lane keeps inspecting
            long appendedWhenHubDied = agent.stats().appended();
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.stats().appended() >= appendedWhenHubDied + 40);
            assertThat(agent.outboxPending()).isGreaterThanOrEqualTo(30);

            hub = Processes.java(log, "co.rtm.hub.cli.HubMain", serve);
            device.pause(true);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> agent.outboxPending() == 0);
            assertThat(agent.stats().rejectedByHub()).isZero();
        } finally {
            hub.destroy();
            hub.waitFor();
        }
        assertEveryResultNumberedOnce(hubDir.resolve("hub.db"), "away-lane-1", stationDir.resolve("outbox.db"));
        assertThat(verifyLedger(hubDir)).contains("\"ok\":true");
    }
}
