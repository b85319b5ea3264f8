package co.rtm.sim.load;

import co.rtm.agent.station.Bundles;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.TopicKind;
import co.rtm.sim.chaos.BrokerFiles;
import co.rtm.sim.chaos.HubInstance;
import co.rtm.sim.chaos.Mosquitto;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * DESIGN §9 measured past one machine's embedded broker: pre-signed inspections (as {@code simulator load} makes
 * them) through Mosquitto to hub processes, for one hub on SQLite, one hub on PostgreSQL and two hubs on one
 * PostgreSQL ($share/hub), in the same run and alternating. Prints one JSON line per configuration and run, then
 * the medians. Not a test: run it by hand (docs/benchmarks.md).
 *
 * <pre>java -cp "$(cat /tmp/sim-cp.txt)" co.rtm.sim.load.ScaleOutSpeed [results] [stations] [runs]</pre>
 */
public final class ScaleOutSpeed {
    private record Config(String name, boolean postgres, int hubs) {}

    private record Figures(double acceptedPerSecond, double p50, double p95, double p99, long accepted, long sent) {}

    public static void main(String[] args) throws Exception {
        int results = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int stations = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String pg = System.getenv("RTM_TEST_PG_URL");
        if (pg == null || Mosquitto.binary().isEmpty()) {
            System.err.println("ScaleOutSpeed needs mosquitto and RTM_TEST_PG_URL");
            System.exit(2);
        }
        List<Config> configs = List.of(new Config("sqlite-1hub", false, 1), new Config("postgres-1hub", true, 1),
                new Config("postgres-2hubs", true, 2));
        Map<String, List<Figures>> all = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            for (Config c : configs) {
                Figures f = measure(c, pg, results, stations);
                all.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(f);
                System.out.printf(Locale.ROOT, "{\"run\":%d,\"config\":\"%s\",\"results\":%d,\"stations\":%d,\"sent\":%d,\"accepted\":%d,"
                                + "\"acceptedPerSecond\":%.1f,\"ackLatencyMs\":{\"p50\":%.1f,\"p95\":%.1f,\"p99\":%.1f}}%n",
                        r, c.name(), results, stations, f.sent(), f.accepted(), f.acceptedPerSecond(), f.p50(), f.p95(), f.p99());
            }
        }
        for (Map.Entry<String, List<Figures>> e : all.entrySet()) {
            List<Figures> fs = e.getValue();
            System.out.printf(Locale.ROOT, "median %-15s acceptedPerSecond %.1f  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms%n", e.getKey(),
                    median(fs.stream().mapToDouble(Figures::acceptedPerSecond).toArray()), median(fs.stream().mapToDouble(Figures::p50).toArray()),
                    median(fs.stream().mapToDouble(Figures::p95).toArray()), median(fs.stream().mapToDouble(Figures::p99).toArray()));
        }
        System.exit(0);
    }

    private static Figures measure(Config c, String pgBase, int results, int stations) throws Exception {
        Path dir = Files.createTempDirectory("rtm-scaleout-");
        Path hubDir = dir.resolve("hub");
        String jdbcUrl = null;
        if (c.postgres()) {
            String schema = "speed_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection conn = DriverManager.getConnection(pgBase)) {
                conn.createStatement().execute("CREATE SCHEMA " + schema);
            }
            jdbcUrl = pgBase + (pgBase.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "tcp://127.0.0.1:" + port;
        hub("init", "--data", hubDir.toString());
        List<StationBundle> bundles = new ArrayList<>();
        for (int s = 0; s < stations; s++) {
            Path file = dir.resolve("b" + s + ".json");
            List<String> args = new ArrayList<>(List.of("provision-station", "--data", hubDir.toString(), "--center", "CDA-SPEED-" + (s + 1),
                    "--station", "speed-" + (s + 1), "--kind", "cda-light", "--out", file.toString(), "--mqtt-url", url));
            if (jdbcUrl != null) args.addAll(List.of("--db", jdbcUrl));
            hub(args.toArray(String[]::new));
            bundles.add(Bundles.read(file));
        }
        List<String> hubIds = IntStream.rangeClosed(1, c.hubs()).mapToObj(i -> "hub-" + i).toList();
        Map<String, String> passwords = new LinkedHashMap<>();
        String hubPassword = new String(HubHome.open(hubDir).hubMqttPassword(), StandardCharsets.UTF_8);
        hubIds.forEach(h -> passwords.put(h, hubPassword));
        bundles.forEach(b -> passwords.put(b.mqtt().username(), b.mqtt().password()));
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        BrokerFiles.writePasswords(brokerDir.resolve("passwords"), passwords);
        Files.writeString(brokerDir.resolve("acl"), BrokerFiles.acl(hubIds, bundles));

        ExecutorService pool = Executors.newFixedThreadPool(stations);
        List<HubInstance> hubs = new ArrayList<>();
        List<Lane> lanes = new ArrayList<>();
        try (Mosquitto broker = Mosquitto.create(Mosquitto.binary().orElseThrow(), brokerDir, port, brokerDir.resolve("passwords"), brokerDir.resolve("acl"))) {
            broker.start();
            for (String id : hubIds) {
                HubInstance h = new HubInstance(id, hubDir, jdbcUrl, url, dir.resolve(id + ".log"));
                h.start();
                hubs.add(h);
            }
            List<Future<Lane.Batch>> signing = new ArrayList<>();
            AtomicLong progress = new AtomicLong();
            for (int s = 0; s < stations; s++) {
                StationBundle b = bundles.get(s);
                int lane = s;
                int count = results / stations;
                signing.add(pool.submit(() -> PreSigner.sign(b, lane, Profiles.builtIn("cda-light").orElseThrow(), count, 1_000_003L + lane, progress)));
            }
            List<Lane.Batch> batches = new ArrayList<>();
            for (Future<Lane.Batch> f : signing) batches.add(f.get());
            for (StationBundle b : bundles) lanes.add(Lane.connect(b, url));
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(600);
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < stations; s++) {
                Lane lane = lanes.get(s);
                Lane.Batch batch = batches.get(s);
                running.add(pool.submit(() -> {
                    lane.run(batch, lane.topic(TopicKind.INSPECTION), 8, 0, deadline);
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            for (int s = 0; s < stations; s++) lanes.get(s).verifyAcks(batches.get(s)); // after the timed run
            long accepted = batches.stream().mapToLong(b -> b.get(Lane.Outcome.ACCEPTED)).sum();
            long sent = batches.stream().mapToLong(b -> b.sent.get()).sum();
            long[] lat = batches.stream().flatMapToLong(b -> IntStream.range(0, b.size()).mapToLong(b.latency::get))
                    .filter(v -> v >= 0).sorted().toArray();
            return new Figures(accepted / seconds, pct(lat, 50), pct(lat, 95), pct(lat, 99), accepted, sent);
        } finally {
            lanes.forEach(Lane::close);
            for (HubInstance h : hubs) h.stop();
            pool.shutdownNow();
        }
    }

    private static double pct(long[] sorted, int q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.max(0, (int) Math.ceil(q / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void hub(String... args) {
        StringWriter out = new StringWriter();
        if (HubMain.run(new PrintWriter(out), new PrintWriter(out), args) != 0) {
            throw new IllegalStateException("hub " + args[0] + " failed: " + out);
        }
    }
}
