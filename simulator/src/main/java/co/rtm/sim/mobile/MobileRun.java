package co.rtm.sim.mobile;

import co.rtm.sim.demo.LaneAnswers;
import co.rtm.agent.inspection.LaneDisplay;
import co.rtm.agent.instruments.link.TcpLink;
import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.metrology.MetrologicalVerification;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.station.AgentOptions;
import co.rtm.agent.station.StartGate;
import co.rtm.agent.station.StationAgent;
import co.rtm.agent.tracks.TrackSettings;
import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.mobile.MonthlyReport;
import co.rtm.hub.mobile.Schedules;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.tracks.FixCounts;
import co.rtm.hub.tracks.TrackLimits;
import co.rtm.hub.tracks.TrackPoint;
import co.rtm.hub.tracks.TrackReader;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.instruments.serve.TcpDeviceServer;
import co.rtm.sim.lane.LaneDevice;
import co.rtm.sim.lane.LaneVehicles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Plays a {@link MobilePlan} against a real hub (embedded broker, SQLite) and a real edge agent, both on one
 * {@link SimClock}: registers a fixed CDA in Bogotá (so the 50 km rule is checked against a real one), the mobile
 * line with its opening hours, certificates and schedule, provisions its lane, serves its GPS over TCP, and then,
 * step by step, moves the clock, feeds fixes, appends verifications to the lane's outbox and releases vehicles,
 * waiting for the hub before each inspection (its fix and verification stored) and for its answer after.
 */
public final class MobileRun implements AutoCloseable {
    public static final String LINE = "MOB-AMZ-005";
    public static final String STATION = "mob-amz-1";
    static final String FAR_CDA = "CDA-BOG-901";
    static final String PROFILE = "cda-light-mobile";
    private static final String NOT_SCHEDULED_TEXT = "Sin municipio programado";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One inspection or attempt: what the plan meant and what happened. */
    public record Observed(Instant at, String municipality, String expected, String actual, String why) {
        public boolean matches() {
            return expected.equals(actual);
        }
    }

    /** What the run saw; the hub is closed by then. */
    public record Result(MobilePlan plan, List<Observed> observed, FixCounts fixes, List<String> visitedOrder,
                         List<MonthlyReport.Report> reports, Map<String, Long> reportedByMonthAndCode,
                         Map<String, Long> acceptedByMonthAndCode, long pendingInOutbox, boolean ledgerOk,
                         String ledgerDetail, double seconds) {
        public long unexpected() {
            return observed.stream().filter(o -> !o.matches()).count();
        }

        public boolean ok() {
            return unexpected() == 0 && ledgerOk && pendingInOutbox == 0
                    && reportedByMonthAndCode.equals(acceptedByMonthAndCode);
        }
    }

    private final MobilePlan plan;
    private final Path dir;
    private final SimClock clock;
    private final HubServer hub;
    private final Municipalities municipalities;
    private final PlannedGps gps;
    private final TcpDeviceServer gpsServer;
    private final PlannedVehicles vehicles;
    private final LaneDevice lane;
    private final StationAgent agent;
    private final StationBundle bundle;
    private final Path stationDir;
    private final LaneAnswers answers;
    private boolean hubClosed;
    private boolean lineClosed;
    private final long born = System.nanoTime();

    private MobileRun(MobilePlan plan, Path dir, SimClock clock, HubServer hub, Municipalities municipalities,
                      PlannedGps gps, TcpDeviceServer gpsServer, PlannedVehicles vehicles, LaneDevice lane,
                      StationAgent agent, StationBundle bundle, Path stationDir) {
        this.plan = plan;
        this.dir = dir;
        this.clock = clock;
        this.hub = hub;
        this.answers = new LaneAnswers(hub.database(), STATION);
        this.municipalities = municipalities;
        this.gps = gps;
        this.gpsServer = gpsServer;
        this.vehicles = vehicles;
        this.lane = lane;
        this.agent = agent;
        this.bundle = bundle;
        this.stationDir = stationDir;
    }

    /** Starts hub and line in {@code dir} (new or empty), the clock at 23:00 the evening before the window. */
    public static MobileRun start(MobilePlan plan, Path dir, Municipalities municipalities) throws Exception {
        Path hubDir = dir.resolve("hub");
        HubHome.init(hubDir);
        SimClock clock = new SimClock(plan.start().atTime(LocalTime.MIDNIGHT).atZone(OpeningHours.BOGOTA).toInstant()
                .minus(Duration.ofHours(1)));
        HubServer hub = HubServer.start(HubConfig.embedded(hubDir, 0), TrackLimits.defaults(), clock);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            hub.registry().createCenter(FAR_CDA, CenterKind.CDA, "CDA Bogotá (fijo)", "B901");
            hub.registry().updateCenterRules(FAR_CDA, r -> r.withLocation(r.location().withCoordinates(4.6097, -74.0817)));
            hub.registry().createCenter(LINE, CenterKind.MOBILE, "Linea movil Amazonia-Orinoquia", "M905");
            LocalDate certificates = plan.end().plusYears(1);
            hub.registry().updateCenterRules(LINE, r -> r.withHours(OpeningHours.parse(PlanGenerator.HOURS))
                    .withAccreditedUntil(certificates).withEnvironmentalUntil(certificates));
            Schedules schedules = new Schedules(hub.database(), hub.clock(), municipalities);
            for (PlannedStay s : plan.stays()) {
                schedules.add(LINE, s.town().code(), s.from(), s.to(), "simulator");
            }
            StationBundle bundle = hub.provision(LINE, STATION, PROFILE);
            Path stationDir = Files.createDirectories(dir.resolve("stations").resolve(STATION));
            Files.write(stationDir.resolve("bundle.json"), Json.write(bundle));

            PlannedGps gps = new PlannedGps(plan.seed());
            TcpDeviceServer gpsServer = TcpDeviceServer.start(gps);
            opened.add(gpsServer);
            PlannedVehicles vehicles = new PlannedVehicles(new LaneVehicles(plan.seed(), Profiles.builtIn(PROFILE).orElseThrow()));
            LaneDevice lane = LaneDevice.start(vehicles, Duration.ofMillis(1));
            opened.add(lane);
            StationAgent agent = StationAgent.start(bundle, stationDir, new TcpLaneFeed("127.0.0.1", lane.port()),
                    AgentOptions.defaults(), StartGate.OPEN, QUIET, clock);
            opened.add(agent);
            agent.recordTrack(new TrackSettings(() -> TcpLink.connect("127.0.0.1", gpsServer.port(), Duration.ofSeconds(2)),
                    Duration.ofMillis(100), 1, TrackSettings.DEFAULT_MAX_HDOP,
                    TrackSettings.DEFAULT_OUTBOX_SHARE, Duration.ofHours(1)));
            return new MobileRun(plan, dir, clock, hub, municipalities, gps, gpsServer, vehicles, lane, agent, bundle,
                    stationDir);
        } catch (Exception | Error e) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing after a failed start
                }
            }
            hub.close();
            throw e;
        }
    }

    private static final LaneDisplay QUIET = new LaneDisplay() {
        @Override
        public void prompt(String plate, TestKind test, String text) {
        }

        @Override
        public void finished(String plate, TestKind test, String outcome) {
        }
    };

    /**
     * Plays every step; each simulated day takes at least {@code dayMillis} of real time. Progress on {@code log}:
     * one line per simulated week and one per move.
     */
    public Result play(long dayMillis, PrintWriter log) throws Exception {
        long started = System.nanoTime();
        TrackReader track = new TrackReader(hub.database());
        // the agent has the hub's config once it holds the lane for the hour (23:00, closed)
        await(() -> agent.stats().waiting() != null, "the station's config from the hub");
        List<Observed> observed = new ArrayList<>();
        Step.Fix lastFix = null;
        long verifications = 0;
        LocalDate day = null;
        long dayStarted = System.nanoTime();
        String where = null;
        for (Step step : plan.steps()) {
            LocalDate d = step.at().atZone(OpeningHours.BOGOTA).toLocalDate();
            if (!d.equals(day)) {
                long left = dayMillis - (System.nanoTime() - dayStarted) / 1_000_000;
                if (day != null && left > 0) {
                    Thread.sleep(left);
                }
                dayStarted = System.nanoTime();
                if (day == null || java.time.temporal.ChronoUnit.DAYS.between(plan.start(), d) / 7
                        != java.time.temporal.ChronoUnit.DAYS.between(plan.start(), day) / 7) {
                    progress(log, d, observed, track);
                }
                day = d;
            }
            clock.advanceTo(step.at());
            if (step instanceof Step.Fix f) {
                gps.send(f);
                lastFix = f;
                PlannedStay stay = plan.stayAt(f.at());
                String now = stay != null && municipalities.contains(stay.town().code(), f.lat(), f.lon())
                        ? stay.town().name() : null;
                if (now != null && !now.equals(where) && where != null) {
                    log.printf(Locale.ROOT, "mobile: %s arrived in %s%n", d, now);
                    log.flush();
                }
                where = now != null ? now : where;
            } else if (step instanceof Step.Verify v) {
                try (Outbox outbox = Outbox.open(stationDir, OutboxConfig.defaults(), clock)) {
                    MetrologicalVerification.append(outbox, bundle, MetrologicalVerification.event("linea completa",
                            "SN-AMZ-005", v.note() + " (simulador)"));
                }
                verifications++;
            } else if (step instanceof Step.Inspect i) {
                long want = verifications;
                await(() -> answers.verifications() >= want, "the verification at the hub");
                Instant fixAt = lastFix == null ? null : lastFix.at();
                if (fixAt != null) {
                    await(() -> track.latestFixAt(STATION, i.at()).map(TrackPoint::deviceTime)
                            .filter(t -> !t.isBefore(fixAt)).isPresent(), "the fix of " + fixAt + " at the hub");
                }
                observed.add(new Observed(i.at(), municipality(i.at()), i.expected(), inspect(i.at()), i.why()));
            } else if (step instanceof Step.Attempt a) {
                String actual = awaitHold() ? MobilePlan.HELD_NOT_SCHEDULED : "NOT_HELD";
                observed.add(new Observed(a.at(), "", a.expected(), actual, a.why()));
            }
        }
        await(() -> agent.outboxPending() == 0, "the outbox to drain");
        progress(log, plan.end(), observed, track);
        return finish(observed, track, (System.nanoTime() - started) / 1e9);
    }

    private String municipality(Instant t) {
        PlannedStay s = plan.stayAt(t);
        return s == null ? "" : s.town().code();
    }

    /** Releases one vehicle started at {@code at} and waits for the hub's answer: ACCEPTED or the refusal code. */
    private String inspect(Instant at) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (agent.stats().waiting() != null && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        String held = agent.stats().waiting();
        if (held != null) {
            return "HELD: " + held;
        }
        long[] before = answers();
        vehicles.release(at);
        await(() -> {
            long[] now = answers();
            return now[0] + now[1] > before[0] + before[1];
        }, "the hub's answer to the inspection started at " + at);
        return answers()[0] > before[0] ? MobilePlan.ACCEPTED : answers.lastRefusal();
    }

    private boolean awaitHold() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            String w = agent.stats().waiting();
            if (w != null && w.startsWith(NOT_SCHEDULED_TEXT)) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    private void progress(PrintWriter log, LocalDate d, List<Observed> observed, TrackReader track) {
        PlannedStay stay = plan.stayAt(d.atTime(LocalTime.NOON).atZone(OpeningHours.BOGOTA).toInstant());
        long accepted = observed.stream().filter(o -> o.actual().equals(MobilePlan.ACCEPTED)).count();
        log.printf(Locale.ROOT, "mobile: %s %-15s inspections %d (accepted %d, refused or held %d, unexpected %d)"
                        + "  fixes stored %d  real %.1fs%n", d, stay == null ? "(travelling)" : stay.town().name(),
                observed.size(), accepted, observed.size() - accepted, observed.stream().filter(o -> !o.matches()).count(),
                track.totals(STATION).accepted(), (System.nanoTime() - born) / 1e9);
        log.flush();
    }

    private Result finish(List<Observed> observed, TrackReader track, double seconds) throws Exception {
        FixCounts fixes = track.totals(STATION);
        Instant from = plan.start().atStartOfDay(OpeningHours.BOGOTA).toInstant();
        Instant to = plan.end().atStartOfDay(OpeningHours.BOGOTA).toInstant();
        List<String> order = new ArrayList<>();
        for (TrackPoint p : track.fixesBetween(STATION, from, to)) {
            for (PlannedStay s : plan.stays()) {
                if (municipalities.contains(s.town().code(), p.lat(), p.lon())) {
                    if (order.isEmpty() || !order.get(order.size() - 1).equals(s.town().code())) {
                        order.add(s.town().code());
                    }
                    break;
                }
            }
        }
        List<MonthlyReport.Report> reports = new ArrayList<>();
        Map<String, Long> reported = new TreeMap<>();
        for (YearMonth m = YearMonth.from(plan.start()); !m.isAfter(YearMonth.from(plan.end().minusDays(1))); m = m.plusMonths(1)) {
            MonthlyReport.Report r = MonthlyReport.of(hub.database(), LINE, m, municipalities);
            reports.add(r);
            for (MonthlyReport.Row row : r.rows()) {
                reported.merge(m + " " + row.municipalityCode(), row.inspections(), Long::sum);
            }
        }
        Map<String, Long> accepted = acceptedByMonthAndCode();
        long pending = agent.outboxPending();
        closeLine();
        hub.close();
        hubClosed = true;
        LedgerCheck.Verdict ledger = LedgerCheck.verify(dir.resolve("hub"));
        return new Result(plan, observed, fixes, order, reports, reported, accepted, pending, ledger.ok(),
                ledger.detail(), seconds);
    }

    /** The hub's accepted APPROVED/REJECTED inspections, keyed by month and the municipality the plan scheduled. */
    private Map<String, Long> acceptedByMonthAndCode() {
        return hub.database().read(tx -> {
            Map<String, Long> m = new TreeMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT started_at FROM results"
                    + " WHERE station_id = ? AND verdict IN ('APPROVED', 'REJECTED')")) {
                ps.setString(1, STATION);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant t = Timestamps.parse(rs.getString(1));
                        m.merge(YearMonth.from(t.atZone(OpeningHours.BOGOTA)) + " " + municipality(t), 1L, Long::sum);
                    }
                }
            }
            return m;
        });
    }

    private long[] answers() {
        return new long[] {answers.accepted(), answers.refused()};
    }


    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("mobile line: no " + what + " within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(2);
        }
    }

    private void closeLine() throws IOException {
        if (lineClosed) {
            return;
        }
        lineClosed = true;
        agent.close();
        lane.close();
        gpsServer.close();
    }

    @Override
    public void close() throws IOException {
        closeLine();
        if (!hubClosed) {
            hub.close();
            hubClosed = true;
        }
    }
}
