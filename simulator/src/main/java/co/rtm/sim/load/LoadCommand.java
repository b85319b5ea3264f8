package co.rtm.sim.load;

import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.TopicKind;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code load} (DESIGN §9, §10): N pre-signed inspections from S lanes against a hub started in this process, after
 * a baseline of bare broker round trips on the same broker; or, with {@code --hub URL --data DIR}, against a hub
 * already serving there (its lanes registered through its data directory; no baseline, see {@link RunningHub}).
 * Progress goes to standard error; the last line on standard output is one JSON object. Exit 0 when every result
 * was answered, 1 when some were not, 2 on bad input.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Pre-signed inspections at full speed (or --rate) against an in-process hub, or a running one with --hub; last line JSON.")
public final class LoadCommand implements Callable<Integer> {
    private static final String PROFILE = "cda-light";
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    @Option(names = "--results", required = true, paramLabel = "N", description = "How many inspections to send.")
    int results;

    @Option(names = "--stations", paramLabel = "S", defaultValue = "4", description = "Lanes, one MQTT client each (default: ${DEFAULT-VALUE}).")
    int stations;

    @Option(names = "--hub", paramLabel = "URL", description = "A running hub's broker, e.g. tcp://127.0.0.1:1883; needs --data, that hub's data directory. No baseline then.")
    String hubUrl;

    @Option(names = "--data", paramLabel = "DIR", description = "Hub data directory (default: a new temporary one; with --hub: the running hub's, required).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "With --hub: the running hub's database, when it is not the SQLite file in --data.")
    String jdbcUrl;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0", description = "Results per second in total; 0 = as fast as the window allows (default).")
    double rate;

    @Option(names = "--window", paramLabel = "W", defaultValue = "8",
            description = "Unanswered messages per lane; stay below the broker's Receive Maximum, 10 (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--baseline", paramLabel = "B", defaultValue = "-1",
            description = "Baseline round trips; -1 = min(N, 20000) (default).")
    int baseline;

    @Option(names = "--baseline-nagle", hidden = true,
            description = "Leave Nagle's algorithm on for the baseline responder's socket, as Paho's default (and the hub's) does.")
    boolean echoNagle;

    @Option(names = "--rules", description = "Register every ledger rule for the load's centres and lanes (class, opening hours, accreditation, capacity per hour, a registered inspector who logs in first), so each result goes through all of them.")
    boolean rules;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Vehicle population seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (hubUrl != null && data == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--hub needs --data, the running hub's data directory: the load's lanes are registered in its registry");
        }
        if (jdbcUrl != null && hubUrl == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--db is for a running hub's database; give --hub too");
        }
        if (results < 1 || stations < 1 || window < 1 || rate < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--results, --stations and --window must be at least 1, --rate not negative");
        }
        Path dir = data != null ? data : Files.createTempDirectory("rtm-load-");
        if (hubUrl == null) {
            Files.createDirectories(dir);
        }
        int baselineCount = baseline < 0 ? Math.min(results, 20_000) : baseline;
        StationProfile profile = Profiles.builtIn(PROFILE).orElseThrow();
        String runTag = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        ExecutorService pool = Executors.newFixedThreadPool(stations);
        List<Lane> lanes = new ArrayList<>();
        try (LoadTarget hub = target(dir)) {
            try {
                err.printf("load: %s hub on %s, data %s%n", hubUrl == null ? "in-process" : "running", hub.url(),
                        dir.toAbsolutePath());
                long earlierRuns = hub.lanesOf(center(0));
                List<StationBundle> bundles = new ArrayList<>();
                for (int s = 0; s < stations; s++) {
                    bundles.add(hub.provision(center(s), "L" + runTag + "-" + (s + 1), PROFILE));
                }
                List<Lane.Batch> batches = preSign(bundles, earlierRuns, profile, pool, err);
                for (StationBundle b : bundles) {
                    lanes.add(Lane.connect(b, hub.url()));
                }
                if (rules) {
                    List<Lane.Batch> logins = new ArrayList<>();
                    for (int s = 0; s < stations; s++) {
                        StationBundle b = bundles.get(s);
                        hub.registerRules(b.centerId(), b.stationId(), PreSigner.PER_HOUR, PreSigner.INSPECTOR);
                        logins.add(PreSigner.login(b, PreSigner.INSPECTOR, share(results, s)));
                    }
                    Run in = run(lanes, logins, TopicKind.EVENT, 0, timeoutNanos(stations), pool, err);
                    err.printf("load: rules registered for %d centres; %d inspector logins acknowledged%n", stations, in.answered());
                }

                Run base = null;
                if (hub.echoPassword().isEmpty()) {
                    err.println("load: no baseline: a running hub's broker admits one hub client, the hub itself");
                } else {
                    try (EchoResponder echo = EchoResponder.connect(hub.url(), InProcessHub.ECHO_USER,
                            hub.echoPassword().get(), echoNagle)) {
                        List<Lane.Batch> pings = new ArrayList<>();
                        for (int s = 0; s < stations; s++) {
                            pings.add(pings(share(baselineCount, s), s));
                        }
                        err.printf("load: baseline, %d round trips (station status topic -> %s client -> station ack topic)%n",
                                baselineCount, InProcessHub.ECHO_USER);
                        base = run(lanes, pings, TopicKind.STATUS, 0, timeoutNanos(baselineCount), pool, err);
                    }
                    err.printf("load: baseline %.0f round trips/s%n", base.perSecond(base.answered()));
                }
                err.printf("load: now %d inspections%n", results);
                Run load = run(lanes, batches, TopicKind.INSPECTION, rate, timeoutNanos(results), pool, err);
                ObjectNode summary = summary(load, base, hub);
                PrintWriter out = spec.commandLine().getOut();
                out.println(summary);
                out.flush();
                return load.answered() == load.sent() && load.sent() == results ? 0 : 1;
            } finally {
                lanes.forEach(Lane::close); // before the hub stops the broker under them
            }
        } finally {
            pool.shutdownNow();
            err.flush();
        }
    }

    /** Generous: a lost ack costs its lane a 5 s resend, and an overloaded hub answers far slower than asked. */
    private long timeoutNanos(int count) {
        double expectedSeconds = count / (rate > 0 ? rate : 1000.0);
        return TimeUnit.SECONDS.toNanos((long) Math.max(120, 5 * expectedSeconds));
    }

    private int share(int total, int lane) {
        return total / stations + (lane < total % stations ? 1 : 0);
    }

    private List<Lane.Batch> preSign(List<StationBundle> bundles, long earlierRuns, StationProfile profile,
                                     ExecutorService pool, PrintWriter err) throws Exception {
        AtomicLong done = new AtomicLong();
        List<Future<Lane.Batch>> futures = new ArrayList<>();
        // a hub's data may keep earlier loads' results, and the hub refuses a plate already under inspection at the
        // same time (PLATE_OVERLAP): each run takes the plates' letters from a block of its own, one per earlier run
        int blocks = Math.max(1, PreSigner.PLATE_LETTER_BLOCKS / bundles.size());
        int runBlock = (int) (earlierRuns % blocks);
        for (int s = 0; s < bundles.size(); s++) {
            StationBundle bundle = bundles.get(s);
            int count = share(results, s);
            long laneSeed = seed * 1_000_003L + s;
            int lane = runBlock * bundles.size() + s;
            futures.add(pool.submit(() -> PreSigner.sign(bundle, lane, profile, count, laneSeed, done)));
        }
        long started = System.nanoTime();
        List<Lane.Batch> batches = new ArrayList<>();
        for (Future<Lane.Batch> f : futures) {
            while (!f.isDone()) {
                try {
                    f.get(PROGRESS_NANOS, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    err.printf("load: pre-signing %d/%d%n", done.get(), results);
                    err.flush();
                }
            }
            batches.add(f.get());
        }
        err.printf("load: pre-signed %d inspections in %.1f s%n", done.get(), (System.nanoTime() - started) / 1e9);
        return batches;
    }

    private static Lane.Batch pings(int count, int lane) {
        String[] ids = new String[count];
        byte[][] payloads = new byte[count][];
        byte[] payload = EchoResponder.payload();
        for (int i = 0; i < count; i++) {
            ids[i] = "b" + lane + "-" + i;
            payloads[i] = payload;
        }
        return new Lane.Batch(ids, payloads, false);
    }

    /** Runs every lane's batch on its own thread; returns when all are done or the deadline passed. */
    private Run run(List<Lane> lanes, List<Lane.Batch> batches, TopicKind kind, double totalRate, long timeoutNanos,
                    ExecutorService pool, PrintWriter err) throws Exception {
        long interval = totalRate > 0 ? (long) (1e9 * lanes.size() / totalRate) : 0;
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < lanes.size(); s++) {
            Lane lane = lanes.get(s);
            Lane.Batch batch = batches.get(s);
            futures.add(pool.submit(() -> {
                lane.run(batch, lane.topic(kind), window, interval, deadline);
                return null;
            }));
        }
        LongSupplier answered = () -> batches.stream().mapToLong(b -> b.answered.get()).sum();
        long lastCount = 0;
        long lastTime = start;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get(Math.max(1, PROGRESS_NANOS - (System.nanoTime() - lastTime)), TimeUnit.NANOSECONDS);
                    break;
                } catch (TimeoutException e) {
                    long now = System.nanoTime();
                    long count = answered.getAsLong();
                    err.printf("load: %s answered %d, %.0f/s%n", kind.wire(), count, (count - lastCount) * 1e9 / (now - lastTime));
                    err.flush();
                    lastCount = count;
                    lastTime = now;
                }
            }
        }
        Run timed = new Run(batches, System.nanoTime() - start);
        if (batches.stream().anyMatch(b -> b.verifyAcks)) {
            long verifying = System.nanoTime();
            List<Future<?>> checks = new ArrayList<>();
            for (int s = 0; s < lanes.size(); s++) {
                Lane lane = lanes.get(s);
                Lane.Batch batch = batches.get(s);
                checks.add(pool.submit(() -> lane.verifyAcks(batch)));
            }
            for (Future<?> f : checks) {
                f.get();
            }
            err.printf("load: verified %d acks' signatures in %.1f s, after the timed run%n", timed.answered(),
                    (System.nanoTime() - verifying) / 1e9);
        }
        return timed;
    }

    private static String center(int lane) {
        return "CDA-LOAD-" + (lane + 1);
    }

    private LoadTarget target(Path dir) throws java.io.IOException {
        if (hubUrl == null) {
            return InProcessHub.start(dir);
        }
        try {
            return RunningHub.open(hubUrl, dir, jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private ObjectNode summary(Run load, Run base, LoadTarget hub) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode o = json.objectNode();
        long accepted = load.total(Lane.Outcome.ACCEPTED);
        double seconds = load.nanos() / 1e9;
        Double basePerSecond = base == null ? null : base.perSecond(base.answered());
        o.put("sent", load.sent());
        o.put("accepted", accepted);
        o.put("duplicates", load.total(Lane.Outcome.DUPLICATE));
        o.put("refused", load.total(Lane.Outcome.REJECTED));
        o.put("seconds", round(seconds, 3));
        o.put("acceptedPerSecond", round(load.perSecond(accepted), 1));
        o.set("ackLatencyMs", load.percentiles());
        o.put("baselineRoundTripsPerSecond", basePerSecond == null ? null : round(basePerSecond, 1));
        o.put("unacked", load.sent() - load.answered());
        o.put("badAcks", load.total(Lane.Outcome.BAD_ACK));
        o.put("resent", load.batches().stream().mapToLong(b -> b.resent.get()).sum());
        o.put("stations", stations);
        o.put("rules", rules);
        o.put("window", window);
        o.put("rate", rate);
        o.put("ratioToBaseline", basePerSecond == null || basePerSecond == 0 ? null
                : round(load.perSecond(load.answered()) / basePerSecond, 3));
        o.put("baselineRoundTrips", base == null ? 0 : base.answered());
        if (base != null) {
            o.set("baselineLatencyMs", base.percentiles());
        }
        o.put("baselineResponderNagle", echoNagle);
        o.put("baseline", base == null ? "not measured: a running hub's broker admits one hub client, the hub itself"
                : "QoS 1 station status topic -> broker -> " + InProcessHub.ECHO_USER
                + " (hub rights) -> QoS 1 reply on the station ack topic; no signature, parse or database");
        o.put("hub", hubUrl == null ? "in-process" : hubUrl);
        hub.counters().ifPresent(c -> {
            o.put("hubAccepted", c.accepted());
            o.put("hubRefused", c.refused());
        });
        return o;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** One timed run over all lanes. */
    private record Run(List<Lane.Batch> batches, long nanos) {
        long sent() {
            return batches.stream().mapToLong(b -> b.sent.get()).sum();
        }

        long answered() {
            return batches.stream().mapToLong(b -> b.answered.get()).sum();
        }

        long total(Lane.Outcome outcome) {
            return batches.stream().mapToLong(b -> b.get(outcome)).sum();
        }

        double perSecond(long count) {
            return nanos == 0 ? 0 : count * 1e9 / nanos;
        }

        ObjectNode percentiles() {
            long[] all = batches.stream()
                    .flatMapToLong(b -> IntStream.range(0, b.size()).mapToLong(b.latency::get))
                    .filter(v -> v >= 0).sorted().toArray();
            ObjectNode p = JsonNodeFactory.instance.objectNode();
            for (int q : new int[] {50, 95, 99}) {
                if (all.length == 0) {
                    p.putNull("p" + q);
                } else {
                    int rank = (int) Math.ceil(q / 100.0 * all.length) - 1;
                    p.put("p" + q, round(all[Math.max(0, rank)] / 1e6, 2));
                }
            }
            p.put("max", all.length == 0 ? 0 : round(all[all.length - 1] / 1e6, 2));
            return p;
        }
    }
}
