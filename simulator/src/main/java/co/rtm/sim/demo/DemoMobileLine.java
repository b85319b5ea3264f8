package co.rtm.sim.demo;

import co.rtm.agent.instruments.link.TcpLink;
import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.metrology.MetrologicalVerification;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.agent.station.StationAgent;
import co.rtm.agent.tracks.TrackSettings;
import co.rtm.hub.HubServer;
import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.mobile.Schedules;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.CenterLocation;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.tracks.TrackPoint;
import co.rtm.hub.tracks.TrackReader;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.instruments.gps.SimulatedGps.Waypoint;
import co.rtm.sim.instruments.serve.TcpDeviceServer;
import co.rtm.sim.lane.LaneDevice;
import co.rtm.sim.lane.LaneVehicles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo's mobile line (DESIGN §7, docs/mobile-lines.md): a line of kind MOBILE whose route is scheduled at the
 * hub through real municipalities of Amazonas and Vaupés (Leticia last month, Mitú now, Carurú next), far from any
 * fixed CDA (the demo's Bogotá CDA gets its coordinates, 600 km away). The stays are long and cover today; the line
 * runs on {@link SimTime}, the last hour played ten times faster, so that 10-minute inspections fit in the demo and
 * every fix and station time is inside the hub's window. The simulated GPS waits parked on the Brazilian bank of the
 * Vaupés, {@value #OUTSIDE_METRES} m from Mitú, then drives at {@value #SPEED_KMH} km/h (simulated; below the hub's
 * 250 km/h jump filter) to a point inside Mitú. The script, one inspection at a time:
 * <ol>
 *   <li>an inspection while parked outside: refused on purpose, {@code OUTSIDE_SCHEDULED_MUNICIPALITY};</li>
 *   <li>the line drives in; an inspection without the verification a move requires: refused on purpose,
 *       {@code METROLOGICAL_VERIFICATION_REQUIRED};</li>
 *   <li>the agent records a metrological verification (a signed VERIFICATION event through its outbox);</li>
 *   <li>{@value #ACCEPTED_AFTER} inspections, accepted.</li>
 * </ol>
 */
public final class DemoMobileLine implements AutoCloseable {
    public static final String CENTER = "MOB-VAU-004";
    public static final String STATION = "mob-lane-1";
    public static final String MITU = "97001";
    static final String LETICIA = "91001";
    static final String CARURU = "97161";
    static final int OUTSIDE_METRES = 1300;
    static final int INSIDE_METRES = 200;
    static final double SPEED_KMH = 200;
    static final int ACCEPTED_AFTER = 3;
    /** Mitú town, the Vaupés river port. */
    static final double MITU_LAT = 1.2538;
    /** Simulated time: the last hour, ten times faster (docs/mobile-lines.md, "The simulator"). */
    static final Duration LAG = Duration.ofHours(1);
    static final int SPEED_UP = 10;
    static final double MITU_LON = -70.2345;

    /** What happened: each step's outcome (ACCEPTED or the hub's refusal code), and the track as the hub has it. */
    public record Outcome(List<String> steps, long accepted, long refused, long trackFixes, boolean verified) {
        /** The steps the script means: two refusals on purpose, then accepted ones. */
        public static final List<String> PLANNED = List.of("OUTSIDE_SCHEDULED_MUNICIPALITY",
                "METROLOGICAL_VERIFICATION_REQUIRED", "ACCEPTED", "ACCEPTED", "ACCEPTED");

        static Outcome failed(String why) {
            return new Outcome(List.of("ERROR: " + why), 0, 0, 0, false);
        }

        public boolean asPlanned() {
            return steps.equals(PLANNED);
        }

        /** The demo summary's fields, apart from the fixed lanes' ones. */
        public void putInto(ObjectNode summary) {
            summary.put("mobileLine", CENTER);
            summary.putPOJO("mobileSteps", steps);
            summary.put("mobileAccepted", accepted);
            summary.put("mobileRefused", refused);
            summary.put("mobileVerification", verified);
            summary.put("trackFixes", trackFixes);
        }
    }

    /** The script running beside the demo's fixed lanes. */
    public static final class Script {
        private final CompletableFuture<Outcome> outcome;

        private Script(CompletableFuture<Outcome> outcome) {
            this.outcome = outcome;
        }

        /** Waits for the script (at most two minutes); a failure is an outcome that is not as planned. */
        public Outcome finish() {
            try {
                return outcome.get(2, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                return Outcome.failed(String.valueOf(e.getCause()));
            } catch (TimeoutException e) {
                outcome.cancel(true);
                return Outcome.failed("the mobile line's script did not finish in 2 min");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.failed("interrupted");
            }
        }
    }

    /** Starts the line and runs its script on a thread of its own; see {@link #start}. */
    public static Script script(HubServer hub, Path stationsDir, String farCda, long seed, PrintWriter log) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (DemoMobileLine line = start(hub, stationsDir, farCda, seed)) {
                outcome.complete(line.run(log));
            } catch (Exception e) {
                outcome.completeExceptionally(e);
            }
        }, "demo-mobile-line");
        t.setDaemon(true);
        t.start();
        return new Script(outcome);
    }

    private final HubServer hub;
    private final Municipalities municipalities;
    private final LaneDevice lane;
    private final TicketedVehicles vehicles;
    private final DrivenGps gps;
    private final TcpDeviceServer gpsServer;
    private final StationAgent agent;
    private final StationBundle bundle;
    private final Path stationDir;
    private final SimTime time;
    private final Duration timeout;
    private final LaneAnswers answers;

    private DemoMobileLine(HubServer hub, Municipalities municipalities, LaneDevice lane, TicketedVehicles vehicles,
                           DrivenGps gps, TcpDeviceServer gpsServer, StationAgent agent, StationBundle bundle,
                           Path stationDir, SimTime time, Duration timeout) {
        this.bundle = bundle;
        this.stationDir = stationDir;
        this.time = time;
        this.hub = hub;
        this.municipalities = municipalities;
        this.lane = lane;
        this.vehicles = vehicles;
        this.gps = gps;
        this.gpsServer = gpsServer;
        this.agent = agent;
        this.timeout = timeout;
        this.answers = new LaneAnswers(hub.database(), STATION);
    }

    /**
     * Registers the line, its schedule and its lane at {@code hub}, starts the lane's agent (in {@code stationsDir})
     * with its GPS. {@code farCda}, when not null, is a fixed CDA of the demo that gets Bogotá coordinates.
     */
    public static DemoMobileLine start(HubServer hub, Path stationsDir, String farCda, long seed) throws Exception {
        Municipalities municipalities = Municipalities.colombia();
        if (farCda != null) {
            hub.registry().updateCenterRules(farCda, r -> r.withLocation(r.location().withCoordinates(4.6097, -74.0817)));
        }
        hub.registry().createCenter(CENTER, CenterKind.MOBILE, "Linea movil Amazonia", "M004");
        Schedules schedules = new Schedules(hub.database(), Clock.systemUTC(), municipalities);
        LocalDate today = LocalDate.now(OpeningHours.BOGOTA);
        // a month and more each, adjacent: art. 3.3.3.9 "por el tiempo mínimo de un (1) mes"
        schedules.add(CENTER, LETICIA, today.minusDays(50), today.minusDays(16));
        schedules.add(CENTER, MITU, today.minusDays(15), today.plusDays(20));
        schedules.add(CENTER, CARURU, today.plusDays(21), today.plusDays(60));
        StationBundle bundle = hub.provision(CENTER, STATION, "cda-light-mobile");
        Path dir = Files.createDirectories(stationsDir.resolve(STATION));
        Files.write(dir.resolve("bundle.json"), Json.write(bundle));

        SimTime time = new SimTime(Instant.now(), LAG, SPEED_UP);
        DrivenGps gps = new DrivenGps(route(municipalities), seed, time);
        TcpDeviceServer gpsServer = TcpDeviceServer.start(gps);
        TicketedVehicles vehicles = new TicketedVehicles(new LaneVehicles(seed,
                Profiles.builtIn("cda-light-mobile").orElseThrow()), time);
        LaneDevice lane = LaneDevice.start(vehicles, Duration.ofMillis(50));
        StationAgent agent = StationAgent.start(bundle, dir, new TcpLaneFeed("127.0.0.1", lane.port()));
        agent.recordTrack(new TrackSettings(() -> TcpLink.connect("127.0.0.1", gpsServer.port(), Duration.ofSeconds(2)),
                Duration.ofSeconds(1), TrackSettings.DEFAULT_BATCH_FIXES, TrackSettings.DEFAULT_MAX_HDOP,
                TrackSettings.DEFAULT_OUTBOX_SHARE, Duration.ofSeconds(10)));
        return new DemoMobileLine(hub, municipalities, lane, vehicles, gps, gpsServer, agent, bundle, dir, time,
                Duration.ofSeconds(90));
    }

    /**
     * From {@value #OUTSIDE_METRES} m outside Mitú to {@value #INSIDE_METRES} m inside, on the line east from the
     * town (the boundary is the Vaupés river and the Brazilian border there), measured on the bundled boundaries.
     */
    static List<Waypoint> route(Municipalities m) {
        double metreLon = 1 / (111_320 * Math.cos(Math.toRadians(MITU_LAT)));
        double lon = MITU_LON;
        while (m.distanceMetres(MITU, MITU_LAT, lon) == 0) {
            lon += 10 * metreLon;
        }
        double boundary = lon;
        double inside = boundary - INSIDE_METRES * metreLon;
        double outside = boundary;
        while (m.distanceMetres(MITU, MITU_LAT, outside) < OUTSIDE_METRES) {
            outside += 10 * metreLon;
        }
        return List.of(new Waypoint(MITU_LAT, outside, SPEED_KMH), new Waypoint(MITU_LAT, inside, 0));
    }

    /** Runs the script; each step waits for the hub's answer. */
    public Outcome run(PrintWriter log) throws Exception {
        List<String> steps = new ArrayList<>();
        TrackReader track = new TrackReader(hub.database());
        awaitFix(track, d -> d > 1000, "a fix outside Mitú");
        steps.add(inspect("parked outside Mitú (on purpose)", log));
        gps.drive(time.instant());
        awaitFix(track, d -> d == 0, "a fix inside Mitú");
        steps.add(inspect("arrived in Mitú, no verification (on purpose)", log));
        // the technician's tool appends the signed event to the lane's outbox, as 'edge-agent verification' does,
        // stamped with the line's simulated time; the running agent sends it
        boolean verified;
        try (Outbox outbox = Outbox.open(stationDir, OutboxConfig.defaults(), time)) {
            verified = MetrologicalVerification.append(outbox, bundle, MetrologicalVerification.event("linea completa",
                    null, "verificación metrológica al llegar a Mitú (simulador)")) != null;
        }
        await(() -> answers.verifications() > 0, "the verification at the hub");
        Thread.sleep(500); // the next inspections start (simulated) seconds after the verification
        for (int i = 0; i < ACCEPTED_AFTER; i++) {
            steps.add(inspect("parked in Mitú after the verification", log));
        }
        Map<String, Long> counts = counts();
        return new Outcome(steps, counts.get("accepted"), counts.get("refused"), track.totals(STATION).accepted(), verified);
    }

    private String inspect(String what, PrintWriter log) throws InterruptedException {
        Map<String, Long> before = counts();
        long answered = before.get("accepted") + before.get("refused");
        vehicles.release();
        await(() -> counts().values().stream().mapToLong(Long::longValue).sum() > answered, "the hub's answer");
        String outcome = counts().get("accepted") > before.get("accepted") ? "ACCEPTED" : answers.lastRefusal();
        log.printf(Locale.ROOT, "demo: mobile line %s: %s%n", what, outcome);
        log.flush();
        return outcome;
    }

    private void awaitFix(TrackReader track, java.util.function.DoublePredicate distance, String what)
            throws InterruptedException {
        await(() -> {
            Optional<TrackPoint> p = track.latestFixAt(STATION, Instant.now());
            return p.isPresent() && distance.test(municipalities.distanceMetres(MITU, p.get().lat(), p.get().lon()));
        }, what);
    }

    private void await(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("mobile line: no " + what + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    /** The lane's inspections the hub accepted and refused. */
    private Map<String, Long> counts() {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("accepted", answers.accepted());
        c.put("refused", answers.refused());
        return c;
    }

    @Override
    public void close() throws IOException {
        agent.close();
        lane.close();
        gpsServer.close();
    }
}
