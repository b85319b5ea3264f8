package co.rtm.sim.demo;

import co.rtm.agent.station.StationStats;
import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.cli.HubMain;
import co.rtm.hub.home.HubHome;
import co.rtm.profiles.scoring.Verdict;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code demo}: the main job. Starts a hub with its embedded broker, provisions CDA centres with lanes, runs one
 * edge agent per lane against a simulated lane device fed by a realistic vehicle population, shows progress,
 * drains every outbox, checks the ledger and prints a one-line JSON summary. The data directory stays for
 * {@code hub verify-ledger}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a hub, CDA centres and lanes with simulated instruments; print a JSON summary at the end.")
public final class DemoCommand implements Callable<Integer> {
    /** A lane of a demo centre: its profile, and whether its agent reads simulated instruments. */
    private record LaneSpec(String profile, boolean instrumented) {
        static LaneSpec documents(String profile) {
            return new LaneSpec(profile, false);
        }
    }

    /**
     * Centres and their lanes. Most lanes send whole documents, so the ledger fills quickly; one motorcycle lane
     * at Medellín reads every test from its instruments in real time (about half a minute per motorcycle).
     */
    private static final List<Map.Entry<String, List<LaneSpec>>> CENTRES = List.of(
            Map.entry("CDA-BOG-001", List.of(LaneSpec.documents("cda-light"), LaneSpec.documents("cda-light"),
                    LaneSpec.documents("cda-motorcycle"))),
            Map.entry("CDA-MED-002", List.of(LaneSpec.documents("cda-light"), LaneSpec.documents("cda-motorcycle"),
                    new LaneSpec("cda-motorcycle", true))),
            Map.entry("CDA-CAL-003", List.of(LaneSpec.documents("cda-heavy"), LaneSpec.documents("cda-light"))));

    @Option(names = "--duration", defaultValue = "60", description = "Seconds the lanes take vehicles (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--data", description = "Directory for the hub and the stations; must not exist or be empty (default: ./demo-data-<time>).")
    Path data;

    @Option(names = "--http-port", defaultValue = "8080", description = "The hub's REST API on 127.0.0.1 (docs/api.md) while the demo runs; 0 picks a free port (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--vehicle-interval-ms", defaultValue = "400", description = "Time between vehicles on each lane (default ${DEFAULT-VALUE} ms).")
    long vehicleIntervalMs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the vehicle population (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (durationSeconds < 1) {
            err.println("demo: --duration must be at least 1 second");
            return 2;
        }
        Path dir = data != null ? data : Path.of("demo-data-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(dir) && (!Files.isDirectory(dir) || Files.list(dir).findAny().isPresent())) {
            err.println("demo: " + dir + " is not empty; choose a new --data directory");
            return 2;
        }
        Path hubDir = dir.resolve("hub");
        HubHome.init(hubDir);
        long started = System.nanoTime();
        List<DemoLane> lanes = new ArrayList<>();
        DemoCale cale = null;
        HubServer hub = HubServer.start(HubConfig.embedded(hubDir, 0));
        boolean hubClosed = false;
        try {
            String api;
            try {
                api = hub.startApi(httpPort).url();
            } catch (RuntimeException e) {
                err.println("demo: cannot serve the REST API on 127.0.0.1:" + httpPort + " (" + e.getMessage()
                        + "); choose another --http-port, or 0 for any free port");
                return 2;
            }
            err.printf(Locale.ROOT, "demo: hub up on %s in %d ms, REST API on %s; data in %s%n", hub.mqttUrl(),
                    hub.startupTime().toMillis(), api, dir.toAbsolutePath());
            int laneNo = 0;
            for (Map.Entry<String, List<LaneSpec>> centre : CENTRES) {
                String centerId = centre.getKey();
                for (int i = 1; i <= centre.getValue().size(); i++) {
                    LaneSpec spec = centre.getValue().get(i - 1);
                    String stationId = centerId.substring(4, 7).toLowerCase(Locale.ROOT) + "-lane-" + i;
                    StationBundle bundle = hub.provision(centerId, stationId, spec.profile());
                    Path stationDir = Files.createDirectories(dir.resolve("stations").resolve(stationId));
                    Files.write(stationDir.resolve("bundle.json"), Json.write(bundle));
                    lanes.add(DemoLanes.start(centerId, stationId, spec.profile(), spec.instrumented(), bundle, stationDir,
                            seed * 1000 + laneNo++, Duration.ofMillis(vehicleIntervalMs)));
                }
            }
            cale = DemoCale.start(hub, dir, seed, Duration.ofSeconds(durationSeconds));
            DemoMobileLine.Script mobile = DemoMobileLine.script(hub, dir.resolve("stations"), "CDA-BOG-001", seed, err);
            err.printf(Locale.ROOT, "demo: %d centres, %d lanes (%d reading simulated instruments), a mobile line and a CALE running for %d s%n",
                    CENTRES.size(), lanes.size(), lanes.stream().filter(DemoLane::instrumented).count(), durationSeconds);

            long end = System.nanoTime() + Duration.ofSeconds(durationSeconds).toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(2000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                progress(err, "running", started, lanes, hub, cale);
            }
            lanes.forEach(l -> l.device().pause(true));
            cale.stop();
            long drainDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (pending(lanes) + cale.pending() > 0 && System.nanoTime() < drainDeadline) {
                Thread.sleep(500);
            }
            progress(err, "drained", started, lanes, hub, cale);
            DemoMobileLine.Outcome mobileOutcome = mobile.finish();
            Summary s = summarise(lanes, hub);
            DemoCale.Counts exams = cale.counts();
            long calePending = cale.pending();
            cale.close();
            closeLanes(lanes);
            hub.close();
            hubClosed = true;
            JsonNode ledger = verifyLedger(hubDir, err);
            ObjectNode summary = new ObjectMapper().createObjectNode();
            summary.put("seconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
            summary.put("centres", CENTRES.size());
            summary.put("lanes", s.lanes);
            summary.put("produced", s.produced);
            summary.put("producedFromInstruments", s.fromInstruments);
            summary.put("approved", s.approved);
            summary.put("rejected", s.rejected);
            summary.put("incomplete", s.incomplete);
            summary.put("accepted", s.accepted);
            summary.put("duplicates", s.duplicates);
            summary.put("refused", s.refused);
            summary.put("pendingInOutboxes", s.pending + calePending);
            summary.put("examsSat", cale.theorySat() + cale.practicalDriven());
            summary.put("examsAccepted", exams.examsAccepted());
            summary.put("examCertificates", exams.examCertificates());
            summary.put("impersonationAlerts", exams.impersonationAlerts());
            summary.put("rejectedShare", s.produced == 0 ? 0 : Math.round(1000.0 * s.rejected / s.produced) / 1000.0);
            summary.set("ledger", ledger);
            summary.put("dataDir", dir.toAbsolutePath().toString());
            mobileOutcome.putInto(summary);
            summary.put("ok", ledger.path("ok").asBoolean(false) && s.pending + calePending == 0
                    && s.refused == mobileOutcome.refused() && mobileOutcome.asPlanned());
            out.println(summary);
            out.flush();
            return summary.get("ok").asBoolean() ? 0 : 1;
        } finally {
            if (cale != null) cale.close();
            closeLanes(lanes);
            if (!hubClosed) hub.close();
        }
    }

    private static void closeLanes(List<DemoLane> lanes) {
        for (DemoLane l : lanes) {
            l.agent().close();
            try {
                l.device().close();
            } catch (java.io.IOException e) {
                // a device that cannot close its socket changes nothing in the ledger
            }
        }
        lanes.clear();
    }

    private record Summary(int lanes, long produced, long fromInstruments, long approved, long rejected, long incomplete,
                           long accepted, long duplicates, long refused, long pending) {}

    private static Summary summarise(List<DemoLane> lanes, HubServer hub) {
        long produced = 0, fromInstruments = 0, approved = 0, rejected = 0, incomplete = 0;
        for (DemoLane l : lanes) {
            StationStats st = l.agent().stats();
            produced += st.appended();
            fromInstruments += l.instrumented() ? st.appended() : 0;
            approved += st.scored(Verdict.APPROVED);
            rejected += st.scored(Verdict.REJECTED);
            incomplete += st.scored(Verdict.INCOMPLETE);
        }
        var c = hub.counters();
        return new Summary(lanes.size(), produced, fromInstruments, approved, rejected, incomplete, c.accepted(), c.duplicates(), c.refused(), pending(lanes));
    }

    private static long pending(List<DemoLane> lanes) {
        return lanes.stream().mapToLong(l -> l.agent().outboxPending()).sum();
    }

    private static void progress(PrintWriter err, String phase, long started, List<DemoLane> lanes, HubServer hub, DemoCale cale) {
        long scored = 0, rejected = 0, fromInstruments = 0;
        for (DemoLane l : lanes) {
            StationStats st = l.agent().stats();
            scored += st.scoredTotal();
            rejected += st.scored(Verdict.REJECTED);
            fromInstruments += l.instrumented() ? st.scoredTotal() : 0;
        }
        var c = hub.counters();
        err.printf(Locale.ROOT, "demo: %s %5.1fs  scored %d (rejected %d, from instruments %d)  accepted by hub %d  refused %d  pending %d%s%n",
                phase, (System.nanoTime() - started) / 1e9, scored, rejected, fromInstruments, c.accepted(), c.refused(),
                pending(lanes) + cale.pending(), cale.progress());
        err.flush();
    }

    private static JsonNode verifyLedger(Path hubDir, PrintWriter err) throws Exception {
        StringWriter buf = new StringWriter();
        StringWriter errs = new StringWriter();
        HubMain.run(new PrintWriter(buf), new PrintWriter(errs), "verify-ledger", "--data", hubDir.toString(), "--json");
        String text = buf.toString().trim();
        if (text.isEmpty()) {
            err.println("demo: verify-ledger printed nothing: " + errs);
            return new ObjectMapper().createObjectNode().put("ok", false);
        }
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(text.substring(text.lastIndexOf('\n') + 1));
        node.remove("problems");
        return node;
    }
}
