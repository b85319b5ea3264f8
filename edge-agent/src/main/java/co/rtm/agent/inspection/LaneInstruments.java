package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Decoders;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.agent.instruments.link.CoapLink;
import co.rtm.agent.instruments.link.SerialLink;
import co.rtm.agent.instruments.link.TcpLink;
import co.rtm.agent.instruments.runtime.LinkOpener;
import co.rtm.agent.instruments.runtime.LinkedInstrument;
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
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
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
 * silenceSeconds: 10          # TIMEOUT fault after this long without a byte
 * testDeadlineSeconds: 300    # a test not finished by then is invalid
 * </pre>
 *
 * Keys are the tests' names (DESIGN §5); each instrument gets the decoder of its family and a runtime that
 * reconnects, reports silence, stuck values and expired verification.
 */
public final class LaneInstruments implements AutoCloseable {

    /** One instrument's address: exactly one of tcp, serial (with settings) or coap. */
    public record Endpoint(String tcp, String serial, String settings, String coap) {}

    /** The file's shape. */
    public record Config(Map<String, Endpoint> instruments, Integer silenceSeconds, Integer testDeadlineSeconds) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Map<TestKind, InspectionSession.Station> stations;
    private final Duration deadline;

    private LaneInstruments(Map<TestKind, InspectionSession.Station> stations, Duration deadline) {
        this.stations = stations;
        this.deadline = deadline;
    }

    /**
     * Reads the file and starts every instrument it names (connections are made, and retried, in the background).
     *
     * @throws IllegalArgumentException naming the file and the field when the file is wrong
     */
    public static LaneInstruments open(Path file) {
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
        Map<TestKind, LinkOpener> openers = new LinkedHashMap<>();
        Map<TestKind, InstrumentKind> kinds = new LinkedHashMap<>();
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
            kinds.put(test, kind);
            openers.put(test, opener(where, e.getValue()));
        }
        Map<TestKind, InspectionSession.Station> stations = new EnumMap<>(TestKind.class);
        for (Map.Entry<TestKind, LinkOpener> e : openers.entrySet()) {
            InstrumentKind kind = kinds.get(e.getKey());
            LinkedInstrument instrument = LinkedInstrument.builder(() -> Decoders.forKind(kind), e.getValue())
                    .silence(silence).threadName("instrument-" + e.getKey().json()).build();
            stations.put(e.getKey(), new InspectionSession.Station(InstrumentTap.start(instrument),
                    Procedures.forTest(e.getKey()), v -> startCommands(kind, v)));
        }
        return new LaneInstruments(stations, deadline);
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

    private static LinkOpener opener(String where, Endpoint p) {
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

    @Override
    public void close() {
        stations.values().forEach(s -> s.tap().close());
    }
}
