package co.rtm.sim.chaos;

import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.station.AgentOptions;
import co.rtm.agent.station.Bundles;
import co.rtm.agent.station.StationAgent;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.lane.LaneDevice;
import co.rtm.sim.lane.LaneVehicles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code simulator chaos}: DESIGN §8 and §9 under fire. Mosquitto with per-station credentials and ACLs, two hub
 * instances on one PostgreSQL schema sharing {@code $share/hub}, several {@code edge-agent run} processes fed by
 * simulated lanes, one more station that is cut off with a tiny outbox (its "disk" fills and it says so). Faults
 * from a seeded {@link ChaosPlan}; then everything comes back, the outboxes drain, and {@link ChaosAudit} plus
 * {@code verify-ledger} say whether anything was lost, numbered twice or skipped.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Broker + two hubs on PostgreSQL + agents, killed and cut off at random (DESIGN §8, §9).",
                "Needs mosquitto, mosquitto_passwd and PostgreSQL (--pg or RTM_TEST_PG_URL). Last line JSON:",
                "produced, numberedOnce, lost, duplicated, gaps, refusalsRecorded, kills, ok. Exit 0 only when ok."})
public final class ChaosCommand implements Callable<Integer> {
    static final String PG_ENV = "RTM_TEST_PG_URL";
    private static final String[] HUBS = {"hub-a", "hub-b"};
    private static final int AGENTS = 3;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "60", description = "Seconds of faults (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the fault plan and the vehicles (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", paramLabel = "DIR", description = "Working directory (default: a new temporary one); kept for inspection.")
    Path data;

    @Option(names = "--pg", paramLabel = "JDBC_URL", description = "PostgreSQL to use (a new schema is made in it); default: $" + PG_ENV + ".")
    String pg;

    @Option(names = "--drain-seconds", paramLabel = "SECONDS", defaultValue = "180", description = "Longest wait for the outboxes to drain (default ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private long t0;
    private final Map<String, Integer> actions = new TreeMap<>();

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String base = pg != null ? pg : System.getenv(PG_ENV);
        Path mosquitto = Mosquitto.binary().orElse(null);
        String missing = mosquitto == null || Tools.find("mosquitto_passwd").isEmpty() ? "mosquitto and mosquitto_passwd are required (apt-get install -y mosquitto)"
                : base == null || base.isBlank() ? "PostgreSQL is required: --pg JDBC_URL or " + PG_ENV
                : durationSeconds < 5 ? "--duration must be at least 5 seconds" : null;
        if (missing != null) {
            err.println("chaos: " + missing);
            err.flush();
            return 2;
        }
        String jdbcUrl;
        try {
            jdbcUrl = freshSchema(base);
        } catch (java.sql.SQLException e) {
            err.println("chaos: PostgreSQL not reachable at " + base + ": " + e.getMessage());
            err.flush();
            return 2;
        }
        Path dir = data != null ? Files.createDirectories(data) : Files.createTempDirectory("rtm-chaos");
        t0 = System.currentTimeMillis();
        log("data " + dir.toAbsolutePath() + " db " + jdbcUrl.replaceAll("password=[^&]*", "password=***") + " seed " + seed);
        return run(dir, mosquitto, jdbcUrl);
    }

    private int run(Path dir, Path mosquittoBinary, String jdbcUrl) throws Exception {
        Path hubDir = dir.resolve("hub");
        int port = freePort();
        String brokerUrl = "tcp://127.0.0.1:" + port;
        must(HubMain.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "init", "--data", hubDir.toString()), "hub init");
        List<StationBundle> bundles = new ArrayList<>();
        List<Path> bundleFiles = new ArrayList<>();
        for (int i = 0; i <= AGENTS; i++) { // the last one is the cut-off station with the tiny outbox
            String center = i < 2 ? "CDA-CHAOS-1" : "CDA-CHAOS-2";
            String station = "chaos-lane-" + (i + 1);
            Path file = dir.resolve(station + ".bundle.json");
            StringWriter why = new StringWriter();
            must(HubMain.run(new PrintWriter(why), new PrintWriter(why), "provision-station", "--data", hubDir.toString(), "--db", jdbcUrl,
                    "--center", center, "--station", station, "--kind", "cda-light", "--out", file.toString(), "--mqtt-url", brokerUrl), "provision " + station + ": " + why);
            bundleFiles.add(file);
            bundles.add(Bundles.read(file));
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        String hubPassword = new String(HubHome.open(hubDir).hubMqttPassword(), StandardCharsets.UTF_8);
        for (String h : HUBS) passwords.put(h, hubPassword);
        for (StationBundle b : bundles) passwords.put(b.mqtt().username(), b.mqtt().password());
        Path brokerDir = dir.resolve("broker");
        Files.createDirectories(brokerDir);
        BrokerFiles.writePasswords(brokerDir.resolve("passwords"), passwords);
        Files.writeString(brokerDir.resolve("acl"), BrokerFiles.acl(List.of(HUBS), bundles));
        ChaosPlan plan = ChaosPlan.draw(seed, durationSeconds * 1000L, HUBS.length, AGENTS);

        List<LaneDevice> lanes = new ArrayList<>();
        List<AgentInstance> agents = new ArrayList<>();
        List<HubInstance> hubs = new ArrayList<>();
        StationAgent cutOff = null;
        try (Mosquitto broker = Mosquitto.create(mosquittoBinary, brokerDir, port, brokerDir.resolve("passwords"), brokerDir.resolve("acl"))) {
            broker.start();
            log("broker up " + brokerUrl + " (password file + ACL from " + bundles.size() + " bundles)");
            for (String h : HUBS) {
                HubInstance hub = new HubInstance(h, hubDir, jdbcUrl, brokerUrl, dir.resolve(h + ".log"));
                hub.start();
                hubs.add(hub);
                log(h + " up");
            }
            for (int i = 0; i <= AGENTS; i++) {
                lanes.add(LaneDevice.start(new LaneVehicles(seed * 31 + i, Profiles.builtIn("cda-light").orElseThrow()), Duration.ofMillis(150)));
            }
            for (int i = 0; i < AGENTS; i++) {
                String station = bundles.get(i).stationId();
                AgentInstance a = new AgentInstance(station, bundleFiles.get(i), dir.resolve(station), lanes.get(i).url(), dir.resolve(station + ".log"));
                a.start();
                agents.add(a);
                log("agent " + station + " up");
            }
            StationBundle full = bundles.get(AGENTS);
            Path fullDir = dir.resolve(full.stationId());
            cutOff = StationAgent.start(withBroker(full, "tcp://127.0.0.1:" + freePort()), fullDir,
                    new TcpLaneFeed("127.0.0.1", lanes.get(AGENTS).port()),
                    AgentOptions.defaults().withOutbox(new OutboxConfig(12, 1L << 20, 2, 64L << 10, 0, Duration.ofDays(7))));
            log("agent " + full.stationId() + " up in-process, cut off from the broker, outbox limited to 12 messages");

            Flood flood = new Flood(brokerUrl, seed);
            boolean fullReported = false;
            long planStart = elapsed(); // the plan's instants count from here, after the set-up
            for (ChaosPlan.Fault f : plan.faults()) {
                while (elapsed() - planStart < f.atMs()) {
                    fullReported = reportFull(cutOff, fullReported);
                    reviveDead(hubs);
                    Thread.sleep(100);
                }
                apply(f, broker, hubs, agents, bundles, flood);
            }
            long end = durationSeconds * 1000L;
            while (elapsed() - planStart < end) {
                fullReported = reportFull(cutOff, fullReported);
                reviveDead(hubs);
                Thread.sleep(100);
            }
            if (!fullReported) log("station " + full.stationId() + " never filled its outbox: " + cutOff.stats());

            log("drain: lanes stop, everything up, the cut-off station reconnects");
            for (LaneDevice lane : lanes) lane.pause(true);
            broker.start();
            for (HubInstance h : hubs) if (!h.alive()) h.start();
            for (AgentInstance a : agents) a.start();
            cutOff.close();
            cutOff = StationAgent.start(full, fullDir, new TcpLaneFeed("127.0.0.1", lanes.get(AGENTS).port()));
            List<Path> outboxes = new ArrayList<>();
            for (AgentInstance a : agents) outboxes.add(a.outbox());
            outboxes.add(fullDir.resolve("outbox.db"));
            long deadline = System.currentTimeMillis() + drainSeconds * 1000L;
            long unfinished = Long.MAX_VALUE;
            int floodLeft = Integer.MAX_VALUE;
            long lastRetry = 0;
            while (System.currentTimeMillis() < deadline) {
                reviveDead(hubs);
                unfinished = 0;
                for (Path o : outboxes) unfinished += ChaosAudit.unfinished(o);
                if (System.currentTimeMillis() - lastRetry > 5_000) {
                    floodLeft = flood.retryUnanswered(5_000);
                    lastRetry = System.currentTimeMillis();
                }
                if (unfinished == 0 && floodLeft == 0) break;
                Thread.sleep(500);
            }
            log("drained: " + unfinished + " results still unanswered in the outboxes, " + floodLeft + " flood messages unanswered");
            for (AgentInstance a : agents) a.stop();
            cutOff.close();
            cutOff = null;
            for (HubInstance h : hubs) h.stop();

            ChaosAudit audit = ChaosAudit.of(jdbcUrl, outboxes);
            StringWriter verifyOut = new StringWriter();
            int verifyCode = HubMain.run(new PrintWriter(verifyOut), new PrintWriter(verifyOut), "verify-ledger", "--data", hubDir.toString(), "--db", jdbcUrl, "--json");
            String verifyJson = lastLine(verifyOut.toString());
            ObjectMapper json = new ObjectMapper();
            var verify = json.readTree(verifyJson.startsWith("{") ? verifyJson : "{}");
            long gaps = verify.path("furGaps").asLong(-1) + verify.path("certificateGaps").asLong(-1);
            if (verify.path("furGaps").isMissingNode()) gaps = -1;
            long floodNotRecorded = floodNotRecorded(flood, jdbcUrl);
            log("verify-ledger exit " + verifyCode + ": " + verifyJson);
            log("audit: " + audit);

            ObjectNode summary = json.createObjectNode();
            summary.put("produced", audit.produced());
            summary.put("numberedOnce", audit.numberedOnce());
            summary.put("lost", audit.lost());
            summary.put("duplicated", audit.duplicated() + verify.path("duplicateNumbers").asLong(0));
            summary.put("gaps", gaps);
            summary.put("refusedByHub", audit.refusedByHub());
            summary.put("refusalsRecorded", audit.refusalsByReason().values().stream().mapToLong(Long::longValue).sum());
            summary.set("refusalsByReason", json.valueToTree(audit.refusalsByReason()));
            summary.put("refusalsNotRecorded", audit.refusalsNotRecorded() + floodNotRecorded);
            summary.set("flood", json.valueToTree(flood.counts()));
            summary.put("floodUnanswered", flood.unanswered().size());
            summary.put("kills", actions.entrySet().stream().filter(e -> e.getKey().startsWith("kill") || e.getKey().startsWith("halt"))
                    .mapToInt(Map.Entry::getValue).sum());
            summary.set("actions", json.valueToTree(actions));
            summary.put("verifyLedgerOk", verifyCode == 0);
            boolean ok = audit.lost() == 0 && summary.get("duplicated").asLong() == 0 && gaps == 0 && verifyCode == 0
                    && summary.get("refusalsNotRecorded").asLong() == 0 && unfinished == 0 && audit.produced() > 0;
            summary.put("seed", seed);
            summary.put("seconds", elapsed() / 1000.0);
            summary.put("ok", ok);
            out.println(json.writeValueAsString(summary));
            out.flush();
            return ok ? 0 : 1;
        } finally {
            if (cutOff != null) cutOff.close();
            for (AgentInstance a : agents) a.kill();
            for (HubInstance h : hubs) h.kill();
            for (LaneDevice lane : lanes) lane.close();
        }
    }

    private void apply(ChaosPlan.Fault f, Mosquitto broker, List<HubInstance> hubs, List<AgentInstance> agents,
                       List<StationBundle> bundles, Flood flood) throws Exception {
        switch (f.kind()) {
            case KILL_HUB -> {
                HubInstance h = hubs.get(f.target());
                h.kill();
                act("kill hub", h.id() + " SIGKILL, back in " + f.downMs() + " ms");
                Thread.sleep(f.downMs());
                h.start();
                log(h.id() + " up again");
            }
            case HALT_HUB_AFTER_COMMIT -> {
                HubInstance h = hubs.get(f.target());
                long n = 1 + new Random(seed ^ f.atMs()).nextInt(5);
                h.kill();
                h.start(n);
                act("halt hub after commit", h.id() + " restarted to halt right after committing its " + n + ". message, before any ack");
                long until = System.currentTimeMillis() + 15_000;
                while (!h.died() && System.currentTimeMillis() < until) Thread.sleep(100);
                log(h.id() + (h.died() ? " halted (exit " + h.exitCode() + ") between commit and ack" : " did not receive enough messages; killed"));
                h.kill();
                Thread.sleep(f.downMs());
                h.start();
                log(h.id() + " up again");
            }
            case KILL_AGENT -> {
                AgentInstance a = agents.get(f.target());
                a.kill();
                act("kill agent", a.stationId() + " SIGKILL, cut off for " + f.downMs() + " ms");
                Thread.sleep(f.downMs());
                a.start();
                log("agent " + a.stationId() + " up again");
            }
            case KILL_BROKER -> {
                broker.kill();
                act("kill broker", "mosquitto SIGKILL, every station and hub cut off for " + f.downMs() + " ms");
                Thread.sleep(f.downMs());
                broker.start();
                log("broker up again");
            }
            case FLOOD -> {
                StationBundle station = bundles.get(f.target());
                long acked = ChaosAudit.ackedSeq(agents.get(f.target()).outbox());
                try {
                    flood.burst(station, acked, 5);
                    act("flood", "5 malformed, 5 forged (wrong key)" + (acked > 0 ? ", 5 replayed seq " + acked : "") + " as " + station.stationId());
                } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                    act("flood", "could not connect as " + station.stationId() + ": " + e.getMessage());
                }
            }
        }
    }

    private boolean reportFull(StationAgent agent, boolean reported) {
        String waiting = agent.stats().waiting();
        if (!reported && waiting != null) {
            act("disk full", agent.stats().appended() + " results stored, station says: " + waiting);
            return true;
        }
        return reported;
    }

    /** A hub that exited on its own (not killed by the plan) is started again, as systemd would. */
    private void reviveDead(List<HubInstance> hubs) throws Exception {
        for (HubInstance h : hubs) {
            if (h.died()) {
                log(h.id() + " exited with " + h.exitCode() + "; restarting");
                h.kill();
                h.start();
            }
        }
    }

    private long floodNotRecorded(Flood flood, String jdbcUrl) throws java.sql.SQLException {
        long missing = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             var ps = c.prepareStatement("SELECT reason_code FROM refusals WHERE message_id = ?")) {
            for (Map.Entry<String, String> e : flood.answers().entrySet()) {
                ps.setString(1, e.getKey());
                boolean rejected = e.getValue().startsWith("REJECTED");
                try (var rs = ps.executeQuery()) {
                    if (!rejected || !rs.next()) missing++;
                }
            }
        }
        return missing;
    }

    private static StationBundle withBroker(StationBundle b, String url) {
        return new StationBundle(b.format(), b.centerId(), b.stationId(), b.profile(), b.keyVersion(), b.signingKeySeed(),
                b.hubKeyId(), b.hubPublicKey(), new StationBundle.Mqtt(url, b.mqtt().username(), b.mqtt().password()), b.createdAt(), b.tls());
    }

    static String freshSchema(String base) throws java.sql.SQLException {
        String schema = "chaos_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void must(int code, String what) {
        if (code != 0) throw new IllegalStateException(what + " failed with exit " + code);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private long elapsed() {
        return System.currentTimeMillis() - t0;
    }

    private void act(String kind, String what) {
        actions.merge(kind, 1, Integer::sum);
        log(kind + ": " + what);
    }

    private void log(String line) {
        out.printf("t=%6.1fs %s%n", elapsed() / 1000.0, line);
        out.flush();
    }
}
