package co.rtm.sim.lane;

import co.rtm.agent.inspection.Procedures;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.ProfileTest;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.sim.instruments.SimulatedDevice;
import co.rtm.sim.instruments.serve.TcpDeviceServer;
import co.rtm.sim.instruments.serve.WireFaults;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A whole simulated lane whose readings come from instruments: one TCP device server per instrument test of
 * the profile, each playing the vehicles in turn ({@link VehicleDevices}), and the reception desk on the lane's
 * TCP protocol, which sends each vehicle with its sensory findings and inspectors but empty {@code measurements}.
 * The agent runs with {@code run --lane URL --instruments FILE}, FILE written by {@link #writeInstruments}.
 *
 * <p>The next vehicle drives in once every test of the previous one has been opened by the agent (or after
 * {@code drainTimeout}, when the agent skipped a test or restarted mid-vehicle: the unopened tests are then
 * forgotten), so a lane never runs ahead of its instruments.
 *
 * <p>{@link #streaming} is the other mode: every streamed instrument plays vehicle after vehicle without pause
 * and no vehicle is announced, the most an agent's instrument links ever have to decode.
 */
public final class InstrumentedLane implements SimulatedLane {
    private static final Duration DRAIN_POLL = Duration.ofMillis(50);

    private final StationProfile profile;
    private final LaneVehicles vehicles;
    private final ScoringInputReader reader = new ScoringInputReader(code -> true);
    private final Map<TestKind, VehicleDevices> devices = new EnumMap<>(TestKind.class);
    private final Map<TestKind, TcpDeviceServer> servers = new EnumMap<>(TestKind.class);
    private final AtomicLong announced = new AtomicLong();
    /** The true blocks of the last vehicles announced, by plate, to compare what the agent measured. */
    private final Map<String, Measurements> truths = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Measurements> eldest) {
                    return size() > 1_000;
                }
            });
    private final Duration drainTimeout;
    private final long seed;
    private LaneDevice reception;

    private InstrumentedLane(StationProfile profile, long seed, Duration drainTimeout) {
        this.profile = profile;
        this.seed = seed;
        this.vehicles = new LaneVehicles(seed, profile);
        this.drainTimeout = drainTimeout;
    }

    /**
     * Starts the instruments and the reception of {@code profile}'s lane on free loopback ports; a vehicle every
     * {@code interval} at most.
     */
    public static InstrumentedLane start(StationProfile profile, long seed, Duration interval) throws IOException {
        return start(profile, seed, interval, 0);
    }

    /** As {@link #start(StationProfile, long, Duration)}, with the reception on {@code receptionPort}. */
    public static InstrumentedLane start(StationProfile profile, long seed, Duration interval, int receptionPort)
            throws IOException {
        InstrumentedLane lane = new InstrumentedLane(profile, seed, Duration.ofMinutes(10));
        try {
            for (TestKind test : instrumentTests(profile)) {
                VehicleDevices d = new VehicleDevices(Procedures.instrumentFor(test).orElseThrow());
                lane.devices.put(test, d);
                lane.servers.put(test, serve(d));
            }
            lane.reception = LaneDevice.start(receptionPort, lane::nextVehicle, interval);
        } catch (IOException | RuntimeException e) {
            lane.close();
            throw e;
        }
        return lane;
    }

    /** Every streamed instrument of {@code profile} plays one vehicle after another, nonstop; no vehicle arrives. */
    public static InstrumentedLane streaming(StationProfile profile, long seed) throws IOException {
        InstrumentedLane lane = new InstrumentedLane(profile, seed, Duration.ZERO);
        try {
            for (TestKind test : instrumentTests(profile)) {
                lane.servers.put(test, serve(new LoopingDevice(Procedures.instrumentFor(test).orElseThrow(),
                        lane.deviceFor(test))));
            }
        } catch (IOException | RuntimeException e) {
            lane.close();
            throw e;
        }
        return lane;
    }

    private static java.util.List<TestKind> instrumentTests(StationProfile profile) {
        return profile.tests().stream().map(ProfileTest::test).distinct()
                .filter(t -> Procedures.instrumentFor(t).isPresent()).toList();
    }

    private static TcpDeviceServer serve(SimulatedDevice device) throws IOException {
        return TcpDeviceServer.start(device, 0, WireFaults.none(), Duration.ofMillis(20), Clock.systemUTC());
    }

    /** Devices of {@code test} for successive vehicles that have its block. */
    private Supplier<SimulatedDevice> deviceFor(TestKind test) {
        return () -> {
            while (true) {
                ScoringInput in = truthOf(vehicles.nextDocument());
                Optional<SimulatedDevice> d = TestDevices.forTest(test, in.vehicle(), in.measurements(),
                        seed * 1_000_003 + announced.incrementAndGet());
                if (d.isPresent()) {
                    return d.get();
                }
            }
        };
    }

    /** {@code tcp://127.0.0.1:PORT} of the reception, for the agent's {@code --lane}. */
    public String receptionUrl() {
        return reception == null ? null : reception.url();
    }

    /** The agent's instruments file (docs/instruments.md, "The lane file") for these device servers. */
    public String instrumentsYaml(int testDeadlineSeconds) {
        StringBuilder y = new StringBuilder("# written by `simulator lane --instruments`: the simulated instruments of a ")
                .append(profile.id()).append(" lane\ninstruments:\n");
        servers.forEach((test, server) -> y.append("  ").append(test.json()).append(":\n    tcp: \"127.0.0.1:")
                .append(server.port()).append("\"\n"));
        y.append("silenceSeconds: 10\n");
        y.append("testDeadlineSeconds: ").append(testDeadlineSeconds).append('\n');
        return y.toString();
    }

    /** Writes {@link #instrumentsYaml} to {@code file}. */
    public void writeInstruments(Path file, int testDeadlineSeconds) throws IOException {
        Files.writeString(file, instrumentsYaml(testDeadlineSeconds));
    }

    /** The reception's loopback port; -1 in {@link #streaming} mode, which has no reception. */
    @Override
    public int port() {
        return reception == null ? -1 : reception.port();
    }

    /** Vehicles sent to the agent so far. */
    public long vehiclesSent() {
        return reception == null ? 0 : reception.sent();
    }

    /** What the instruments played for {@code plate} (one of the last 1,000 vehicles announced). */
    public Optional<Measurements> truth(String plate) {
        return Optional.ofNullable(truths.get(plate));
    }

    /** Stops sending vehicles, keeping the instruments and the agent's connections. */
    @Override
    public void pause(boolean paused) {
        if (reception != null) {
            reception.pause(paused);
        }
    }

    /**
     * Queues {@code document}'s true blocks on the instruments of the tests the agent will open for this vehicle
     * (the profile's required tests read by an instrument), and returns what the reception sends: the document
     * with empty measurements.
     */
    public ObjectNode announce(ObjectNode document) {
        ScoringInput in = truthOf(document);
        Vehicle vehicle = in.vehicle();
        Measurements truth = in.measurements();
        long n = announced.incrementAndGet();
        truths.put(vehicle.plate(), truth);
        for (ProfileTest t : profile.requiredTests(vehicle)) {
            VehicleDevices d = devices.get(t.test());
            if (d != null) {
                long deviceSeed = seed * 1_000_003 + n * 16 + t.test().ordinal();
                d.announce(() -> TestDevices.forTest(t.test(), vehicle, truth, deviceSeed));
            }
        }
        document.putObject("measurements");
        return document;
    }

    /** The scoring input of a lane line (without the lane's own fields: startedAt, inspectors). */
    private ScoringInput truthOf(ObjectNode laneLine) {
        ObjectNode scoring = laneLine.deepCopy();
        scoring.remove(java.util.List.of("startedAt", "inspectors"));
        return reader.read(scoring, "");
    }

    private String nextVehicle() {
        long until = System.nanoTime() + drainTimeout.toNanos();
        while (devices.values().stream().anyMatch(d -> d.waiting() > 0)) {
            if (System.nanoTime() > until) {
                System.err.println("lane: the agent did not open every test of the last vehicle within "
                        + drainTimeout.toMinutes() + " min; those tests are forgotten");
                devices.values().forEach(VehicleDevices::forgetWaiting);
                break;
            }
            try {
                Thread.sleep(DRAIN_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("lane closing");
            }
        }
        return announce(vehicles.nextDocument()).toString();
    }

    @Override
    public void close() {
        if (reception != null) {
            try {
                reception.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        servers.values().forEach(TcpDeviceServer::close);
    }
}
