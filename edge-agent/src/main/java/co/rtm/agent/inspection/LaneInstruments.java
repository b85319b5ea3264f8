package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Decoders;
import co.rtm.agent.instruments.Instrument;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.fingerprint.FingerprintExtractor;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.agent.instruments.link.CoapLink;
import co.rtm.agent.instruments.link.SerialLink;
import co.rtm.agent.instruments.link.TcpLink;
import co.rtm.agent.instruments.lane.LaneIo;
import co.rtm.agent.instruments.lane.LaneIoConfig;
import co.rtm.agent.instruments.lane.LaneIoException;
import co.rtm.agent.instruments.lane.Pi4jContexts;
import co.rtm.agent.instruments.runtime.LinkOpener;
import co.rtm.agent.instruments.runtime.LinkedInstrument;
import co.rtm.agent.tracks.GpsSection;
import co.rtm.agent.tracks.TrackSettings;
import co.rtm.profiles.inspection.TestKind;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import co.rtm.profiles.vehicle.Vehicle;
import java.util.stream.Collectors;

/**
 * Which instrument reads each test on this lane and how to reach it, from the lane's YAML file:
 *
 * <pre>
 * instruments:
 *   brakes: {tcp: "10.0.0.21:4001"}                     # RS-232 device server / ser2net
 *   gas:    {serial: "/dev/ttyUSB0", settings: "9600,8N1"}
 *   noise:  {coap: "coap://10.0.0.30:5683/sound"}
 *   lights: {bh1750: {bus: 1, address: "0x23", serial: "LX-7", verifiedOn: 2026-01-10, verificationDue: 2027-01-09}}
 * silenceSeconds: 10          # TIMEOUT fault after this long without a byte
 * testDeadlineSeconds: 300    # a test not finished by then is invalid
 * laneIo: {entryCell: 17, exitCell: 27, emergencyStop: 22, light: {green: 5, red: 6}}   # optional, BCM pins
 * fingerprint: {tcp: "10.0.0.40:4010"}   # optional: inspectors log in with it (run --inspectors)
 * requireLogin: true                     # optional: no vehicle starts while nobody is logged in
 * gps: {tcp: "10.0.0.50:4002", batchSeconds: 30}   # optional, mobile lines: the track (co.rtm.agent.tracks.GpsSection)
 * </pre>
 *
 * Keys are the tests' names (DESIGN §5); each instrument gets the decoder of its family and a runtime that
 * reconnects, reports silence, stuck values and expired verification. The lights test may instead read a BH1750
 * on the Pi's I2C ({@link Bh1750Section}, {@link LuxmeterLightsProcedure}); {@code laneIo} is the lane's own
 * photocells, emergency stop and light ({@link LaneIoSection}). Either makes a Pi4J context. {@code fingerprint}
 * ({@link FingerprintSection}) is the inspectors' login reader; it is made here but started by whoever handles the
 * logins ({@code run}), and {@code requireLogin} needs it.
 */
public final class LaneInstruments implements AutoCloseable {

    /** One instrument's address: exactly one of tcp, serial (with settings), coap or (lights only) bh1750. */
    public record Endpoint(String tcp, String serial, String settings, String coap, Bh1750Section bh1750) {}

    /** The file's shape. */
    public record Config(Map<String, Endpoint> instruments, Integer silenceSeconds, Integer testDeadlineSeconds,
                         LaneIoSection laneIo, FingerprintSection fingerprint, Boolean requireLogin, GpsSection gps) {}

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Map<TestKind, InspectionSession.Station> stations;
    private final Duration deadline;
    private final LaneHardware hardware;   // null: no Pi hardware in the file
    private final Instrument fingerprint;  // null: no fingerprint reader in the file
    private final boolean requireLogin;
    private TrackSettings gps;             // null: not a mobile line with a GPS in the file

    private LaneInstruments(Map<TestKind, InspectionSession.Station> stations, Duration deadline,
                            LaneHardware hardware, Instrument fingerprint, boolean requireLogin) {
        this.fingerprint = fingerprint;
        this.requireLogin = requireLogin;
        this.stations = stations;
        this.deadline = deadline;
        this.hardware = hardware;
    }

    /** {@link #open(Path, Pi4jContexts)} on this Raspberry Pi's GPIO and I2C. */
    public static LaneInstruments open(Path file) {
        return open(file, Pi4jContexts.raspberryPi());
    }

    /**
     * Reads the file and starts every instrument it names (connections are made, and retried, in the background).
     * When the file has a {@code laneIo} section or a BH1750, the Pi's hardware is opened first, through
     * {@code contexts}.
     *
     * @throws IllegalArgumentException naming the file and the field when the file is wrong
     * @throws LaneIoException when the file asks for GPIO or I2C this machine cannot give
     */
    public static LaneInstruments open(Path file, Pi4jContexts contexts) {
        Config config;
        try {
            config = YAML.readValue(Files.readString(file), Config.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new IllegalArgumentException(file + ": " + path + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        if (config == null || config.instruments() == null || config.instruments().isEmpty()) {
            throw new IllegalArgumentException(file + ": instruments: at least one instrument is required");
        }
        Duration silence = Duration.ofSeconds(positive(file, "silenceSeconds", config.silenceSeconds(), 10));
        Duration deadline = Duration.ofSeconds(positive(file, "testDeadlineSeconds", config.testDeadlineSeconds(), 300));
        TrackSettings gps = config.gps() == null ? null : config.gps().settings(file + ": gps", silence);
        Map<TestKind, LinkOpener> openers = new LinkedHashMap<>();
        Map<TestKind, InstrumentKind> kinds = new LinkedHashMap<>();
        Bh1750Section.Wiring luxmeter = null;
        for (Map.Entry<String, Endpoint> e : config.instruments().entrySet()) {
            String where = file + ": instruments." + e.getKey();
            TestKind test;
            try {
                test = TestKind.fromJson(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ": " + ex.getMessage());
            }
            InstrumentKind kind = Procedures.instrumentFor(test).orElseThrow(() ->
                    new IllegalArgumentException(where + ": no instrument reads " + test.json() + " on a lane"));
            Endpoint endpoint = e.getValue();
            if (endpoint != null && endpoint.bh1750() != null) {
                luxmeter = bh1750(where, test, endpoint);
                continue;
            }
            kinds.put(test, kind);
            openers.put(test, opener(where, endpoint));
        }
        boolean requireLogin = Boolean.TRUE.equals(config.requireLogin());
        if (requireLogin && config.fingerprint() == null) {
            throw new IllegalArgumentException(file + ": requireLogin: needs a fingerprint reader (fingerprint:) to log in with");
        }
        Instrument fingerprint = config.fingerprint() == null ? null
                : config.fingerprint().reader(file + ": fingerprint", new FingerprintExtractor());
        LaneIoConfig laneIo = config.laneIo() == null ? null : config.laneIo().toConfig(file + ": laneIo",
                luxmeter == null ? LaneIoConfig.I2cAddress.BH1750_DEFAULT : luxmeter.address());
        LaneHardware hardware = LaneHardware.open(contexts, laneIo, luxmeter, Clock.system(BOGOTA)).orElse(null);
        Map<TestKind, InspectionSession.Station> stations = new EnumMap<>(TestKind.class);
        if (hardware != null) {
            hardware.luxmeter().ifPresent(meter -> stations.put(TestKind.LIGHTS, new InspectionSession.Station(
                    InstrumentTap.start(meter), v -> new LuxmeterLightsProcedure(), v -> List.of())));
        }
        for (Map.Entry<TestKind, LinkOpener> e : openers.entrySet()) {
            InstrumentKind kind = kinds.get(e.getKey());
            LinkedInstrument instrument = LinkedInstrument.builder(() -> Decoders.forKind(kind), e.getValue())
                    .silence(silence).threadName("instrument-" + e.getKey().json()).build();
            stations.put(e.getKey(), new InspectionSession.Station(InstrumentTap.start(instrument),
                    Procedures.forTest(e.getKey()), v -> startCommands(kind, v)));
        }
        LaneInstruments opened = new LaneInstruments(stations, deadline, hardware, fingerprint, requireLogin);
        opened.gps = gps;
        return opened;
    }

    private static Bh1750Section.Wiring bh1750(String where, TestKind test, Endpoint p) {
        if (test != TestKind.LIGHTS) {
            throw new IllegalArgumentException(where + ".bh1750: a BH1750 light sensor can only read lights");
        }
        if (p.tcp() != null || p.serial() != null || p.coap() != null) {
            throw new IllegalArgumentException(where + ": give exactly one of tcp, serial, coap or bh1750");
        }
        return p.bh1750().wiring(where + ".bh1750");
    }

    /**
     * What the agent asks at the start of a test (docs/instruments): every family its identity; the polled
     * headlight tester also each lamp the vehicle has and, for four-wheel vehicles, the sum.
     */
    static List<byte[]> startCommands(InstrumentKind kind, Vehicle v) {
        List<byte[]> commands = new ArrayList<>();
        commands.add(AsciiFrames.encode("?ID"));
        if (kind == InstrumentKind.LIGHTS) {
            if (v.kind().isMotorcycleFamily()) {
                commands.add(AsciiFrames.encode("?LB,C"));
            } else {
                commands.add(AsciiFrames.encode("?LB,L"));
                commands.add(AsciiFrames.encode("?LB,R"));
                commands.add(AsciiFrames.encode("?SU"));
            }
        }
        return commands;
    }

    /** The link to one instrument entry (also the {@code gps:} entry of co.rtm.agent.tracks.GpsSection). */
    public static LinkOpener opener(String where, Endpoint p) {
        if (p == null) {
            throw new IllegalArgumentException(where + ": give one of tcp, serial or coap");
        }
        int given = (p.tcp() != null ? 1 : 0) + (p.serial() != null ? 1 : 0) + (p.coap() != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(where + ": give exactly one of tcp, serial or coap");
        }
        if (p.tcp() != null) {
            int colon = p.tcp().lastIndexOf(':');
            int port;
            try {
                port = Integer.parseInt(p.tcp().substring(colon + 1));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                port = -1;
            }
            if (colon < 1 || port < 1 || port > 65535) {
                throw new IllegalArgumentException(where + ".tcp: expected host:port, got '" + p.tcp() + "'");
            }
            String host = p.tcp().substring(0, colon);
            int finalPort = port;
            return () -> TcpLink.connect(host, finalPort, Duration.ofSeconds(2));
        }
        if (p.serial() != null) {
            String settings = p.settings() == null ? "9600,8N1" : p.settings();
            try {
                SerialLink.Settings.parse(settings);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".settings: " + e.getMessage());
            }
            return () -> SerialLink.open(p.serial(), settings);
        }
        URI uri;
        try {
            uri = URI.create(p.coap());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".coap: not a URI: " + p.coap());
        }
        if (!"coap".equals(uri.getScheme())) {
            throw new IllegalArgumentException(where + ".coap: expected coap://host:port/resource, got '" + p.coap() + "'");
        }
        return () -> CoapLink.observe(uri, Duration.ofSeconds(5));
    }

    private static int positive(Path file, String field, Integer value, int dflt) {
        if (value == null) {
            return dflt;
        }
        if (value < 1) {
            throw new IllegalArgumentException(file + ": " + field + ": must be at least 1, got " + value);
        }
        return value;
    }

    public Map<TestKind, InspectionSession.Station> stations() {
        return stations;
    }

    public Duration testDeadline() {
        return deadline;
    }

    /** The lane's photocells, emergency stop and light, when the file has a {@code laneIo} section. */
    public Optional<LaneIo> laneIo() {
        return hardware == null ? Optional.empty() : hardware.laneIo();
    }

    /** The inspectors' fingerprint reader, not started, when the file has a {@code fingerprint} entry. */
    public Optional<Instrument> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    /** How to record the track, when the file has a {@code gps} entry (a mobile line); the GPS is opened by its recorder. */
    public Optional<TrackSettings> gps() {
        return Optional.ofNullable(gps);
    }

    /** Whether no vehicle may start while nobody is logged in ({@code requireLogin: true}). */
    public boolean requireLogin() {
        return requireLogin;
    }

    @Override
    public void close() {
        if (fingerprint != null) {
            fingerprint.close();
        }
        stations.values().forEach(s -> s.tap().close());
        if (hardware != null) {
            hardware.close();
        }
    }
}
