package co.rtm.sim.chaos;

import co.rtm.agent.station.Bundles;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.lane.LaneDevice;
import co.rtm.sim.lane.LaneVehicles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN §4 and §9 with real processes: two hub instances on one PostgreSQL behind one Mosquitto ($share/hub) number
 * one centre's lanes at the same time, and one of them halts right after a commit and before its ack (the hub's
 * crash hook). The redelivered results get the numbers they were first given (DUPLICATE); FUR 1..N exactly once.
 */
class TwoHubsOnePostgresTest {
    private static final String CENTER = "CDA-TWO-HUBS";
    private static final long HALT_AFTER = 25;

    @TempDir
    Path dir;

    @Test
    void twoInstancesNumberOneCentreGaplesslyAndAHubHaltedAfterCommitGivesTheSameNumbersAgain() throws Exception {
        String jdbcUrl = ChaosCommand.freshSchema(External.requirePostgresAndMosquitto());
        Path hubDir = dir.resolve("hub");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String brokerUrl = "tcp://127.0.0.1:" + port;
        assertThat(hub("init", "--data", hubDir.toString())).isZero();
        List<StationBundle> bundles = new ArrayList<>();
        List<Path> bundleFiles = new ArrayList<>();
        for (String station : List.of("two-lane-1", "two-lane-2")) {
            Path file = dir.resolve(station + ".json");
            assertThat(hub("provision-station", "--data", hubDir.toString(), "--db", jdbcUrl, "--center", CENTER, "--station", station,
                    "--kind", "cda-light", "--out", file.toString(), "--mqtt-url", brokerUrl)).isZero();
            bundleFiles.add(file);
            bundles.add(Bundles.read(file));
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        String hubPassword = new String(HubHome.open(hubDir).hubMqttPassword(), StandardCharsets.UTF_8);
        passwords.put("hub-a", hubPassword);
        passwords.put("hub-b", hubPassword);
        bundles.forEach(b -> passwords.put(b.mqtt().username(), b.mqtt().password()));
        Path brokerDir = dir.resolve("broker");
        java.nio.file.Files.createDirectories(brokerDir);
        BrokerFiles.writePasswords(brokerDir.resolve("passwords"), passwords);
        java.nio.file.Files.writeString(brokerDir.resolve("acl"), BrokerFiles.acl(List.of("hub-a", "hub-b"), bundles));

        HubInstance a = new HubInstance("hub-a", hubDir, jdbcUrl, brokerUrl, dir.resolve("hub-a.log"));
        HubInstance b = new HubInstance("hub-b", hubDir, jdbcUrl, brokerUrl, dir.resolve("hub-b.log"));
        List<AgentInstance> agents = new ArrayList<>();
        List<LaneDevice> lanes = new ArrayList<>();
        try (Mosquitto broker = Mosquitto.create(Mosquitto.binary().orElseThrow(), brokerDir, port, brokerDir.resolve("passwords"), brokerDir.resolve("acl"))) {
            broker.start();
            a.start(HALT_AFTER);
            b.start();
            for (int i = 0; i < bundles.size(); i++) {
                LaneDevice lane = LaneDevice.start(new LaneVehicles(100 + i, Profiles.builtIn("cda-light").orElseThrow()), Duration.ofMillis(60));
                lanes.add(lane);
                String station = bundles.get(i).stationId();
                AgentInstance agent = new AgentInstance(station, bundleFiles.get(i), dir.resolve(station), lane.url(), dir.resolve(station + ".log"));
                agent.start();
                agents.add(agent);
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(a::died);
            assertThat(a.exitCode()).isEqualTo(137); // Runtime.halt right after the commit: no ack, no PUBACK left
            a.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ackedTotal(agents) >= 2 * HALT_AFTER + 20);
            lanes.forEach(l -> l.pause(true));
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ChaosAudit.unfinished(agents.get(0).outbox()) + ChaosAudit.unfinished(agents.get(1).outbox()) == 0);
        } finally {
            for (AgentInstance agent : agents) agent.stop();
            a.stop();
            b.stop();
            for (LaneDevice lane : lanes) lane.close();
        }

        ChaosAudit audit = ChaosAudit.of(jdbcUrl, agents.stream().map(AgentInstance::outbox).toList());
        assertThat(audit.produced()).isGreaterThanOrEqualTo(2 * HALT_AFTER);
        assertThat(audit.numberedOnce()).isEqualTo(audit.produced());
        assertThat(audit.lost()).isZero();
        assertThat(audit.duplicated()).isZero();
        // the results committed by hub-a just before it halted came back and were answered with their first numbers
        assertThat(countOutbox(agents, "SELECT count(*) FROM outbox_message WHERE ack_status = 'DUPLICATE'")).isPositive();
        List<Long> furs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             ResultSet rs = c.createStatement().executeQuery("SELECT fur_number FROM results WHERE center_id = '" + CENTER
                     + "' AND fur_number IS NOT NULL ORDER BY fur_number")) {
            while (rs.next()) furs.add(rs.getLong(1));
        }
        assertThat(furs).isNotEmpty();
        for (int i = 0; i < furs.size(); i++) assertThat(furs.get(i)).isEqualTo(i + 1L);
        StringWriter verify = new StringWriter();
        assertThat(HubMain.run(new PrintWriter(verify), new PrintWriter(verify), "verify-ledger", "--data", hubDir.toString(),
                "--db", jdbcUrl, "--json")).as(verify.toString()).isZero();
        assertThat(verify.toString()).contains("\"furGaps\":0", "\"duplicateNumbers\":0", "\"ok\":true");
    }

    private static int hub(String... args) {
        StringWriter out = new StringWriter();
        return HubMain.run(new PrintWriter(out), new PrintWriter(out), args);
    }

    private static long ackedTotal(List<AgentInstance> agents) throws Exception {
        return countOutbox(agents, "SELECT count(*) FROM outbox_message WHERE state = 'ACKED'");
    }

    private static long countOutbox(List<AgentInstance> agents, String sql) throws Exception {
        long n = 0;
        for (AgentInstance agent : agents) {
            if (!java.nio.file.Files.exists(agent.outbox())) continue;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + agent.outbox() + "?mode=ro", new Properties());
                 ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                n += rs.getLong(1);
            }
        }
        return n;
    }
}
