package co.rtm.agent.cli;

import co.rtm.agent.instruments.Decoders;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.frame.AsciiFrameDecoder;
import co.rtm.agent.instruments.frame.AsciiFrameReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code decode --instrument KIND --input FILE}: runs a captured byte stream through one driver's decoder and
 * prints one JSON line per event (reading, fault, identity), then one summary line on stderr. Timestamps come
 * from a synthetic clock, so output is deterministic: the event's bytes ended at {@code --start} plus the byte
 * offset times 10 bit times (8N1) at the family's baud rate. Exit 0 when the file was read, whatever it held;
 * exit 2 with one line on stderr for an unknown instrument or a file that cannot be read.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode a captured instrument byte stream; prints readings, faults and identities as JSON lines.")
public final class DecodeCommand implements Callable<Integer> {

    /** Default start of the synthetic clock. */
    public static final String DEFAULT_START = "2000-01-01T00:00:00Z";

    @Option(names = "--instrument", required = true, paramLabel = "KIND",
            description = "gps, brake, gas, opacity, lights, suspension, sideslip, tread or sound.")
    String instrument;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Captured bytes; - for standard input.")
    String input;

    @Option(names = "--start", paramLabel = "INSTANT", defaultValue = DEFAULT_START,
            description = "Time of the file's first byte for the synthetic clock (default: ${DEFAULT-VALUE}).")
    String start;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream err;

    public DecodeCommand() {
        this(System.err);
    }

    DecodeCommand(PrintStream err) {
        this.err = err;
    }

    /** The kinds {@code decode} accepts: every instrument that speaks a byte stream. */
    static String validKinds() {
        return Arrays.stream(InstrumentKind.values()).filter(k -> k != InstrumentKind.FINGERPRINT)
                .map(InstrumentKind::json).collect(Collectors.joining(", "));
    }

    @Override
    public Integer call() throws IOException {
        InstrumentKind kind;
        try {
            kind = InstrumentKind.fromJson(instrument);
            if (kind == InstrumentKind.FINGERPRINT) {
                throw new IllegalArgumentException("fingerprint");
            }
        } catch (IllegalArgumentException e) {
            err.println("decode: unknown instrument '" + instrument + "', expected one of " + validKinds());
            return 2;
        }
        Instant t0;
        try {
            t0 = Instant.parse(start);
        } catch (DateTimeParseException e) {
            err.println("decode: --start must be an instant like " + DEFAULT_START + ", got " + start);
            return 2;
        }
        FrameDecoder decoder;
        try {
            decoder = Decoders.forKind(kind);
        } catch (IllegalStateException e) {
            err.println("decode: " + e.getMessage());
            return 2;
        }
        InputStream in;
        try {
            in = "-".equals(input) ? System.in : Files.newInputStream(Path.of(input));
        } catch (NoSuchFileException e) {
            err.println("decode: cannot read " + input + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("decode: cannot read " + input + ": " + e.getMessage());
            return 2;
        }
        long nanosPerByte = 10L * 1_000_000_000L / Decoders.baud(kind);
        // Frames are counted by a second reader of the shared frame; other framings report no count.
        AsciiFrameReader frameCounter = decoder instanceof AsciiFrameDecoder ? new AsciiFrameReader() : null;
        long[] frames = {0};
        AsciiFrameReader.Listener counting = new AsciiFrameReader.Listener() {
            @Override
            public void payload(String payload, Instant at) { frames[0]++; }

            @Override
            public void fault(Fault fault) { }
        };
        Summary summary = new Summary();
        long offset = 0;
        try (in; Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            IOException[] failed = {null};
            java.util.function.Consumer<InstrumentEvent> print = e -> {
                summary.count(e);
                try {
                    out.write(JSON.writeValueAsString(json(e)));
                    out.write('\n');
                } catch (IOException x) {
                    failed[0] = x;
                }
            };
            byte[] buf = new byte[1 << 16];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) {
                        offset++;
                        Instant at = t0.plusNanos(offset * nanosPerByte);
                        decoder.feed(buf, i, 1, at, print);
                        if (frameCounter != null) {
                            frameCounter.feed(buf, i, 1, at, counting);
                        }
                    }
                }
            } catch (IOException e) {
                out.flush();
                err.println("decode: cannot read " + input + ": " + e.getMessage());
                return 2;
            }
            decoder.endOfStream(t0.plusNanos(offset * nanosPerByte), print);
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        err.println("decode " + kind.json() + ": " + offset + " bytes, "
                + (frameCounter == null ? "n/a" : Long.toString(frames[0])) + " frames, " + summary.readings
                + " readings, " + summary.identities + " identities, " + summary.faults + " faults");
        return 0;
    }

    private static final class Summary {
        long readings;
        long faults;
        long identities;

        void count(InstrumentEvent e) {
            if (e instanceof Reading) {
                readings++;
            } else if (e instanceof Fault) {
                faults++;
            } else {
                identities++;
            }
        }
    }

    /** One event as a JSON object: {@code event} is {@code reading}, {@code fault} or {@code identity}. */
    static ObjectNode json(InstrumentEvent e) {
        ObjectNode o = JSON.createObjectNode();
        if (e instanceof Reading r) {
            o.put("event", "reading").put("at", r.at().toString()).put("sample", r.sample().getClass().getSimpleName());
            ObjectNode fields = o.putObject("fields");
            for (RecordComponent c : r.sample().getClass().getRecordComponents()) {
                try {
                    put(fields, c.getName(), c.getAccessor().invoke(r.sample()));
                } catch (ReflectiveOperationException x) {
                    throw new IllegalStateException("cannot read " + c, x);
                }
            }
        } else if (e instanceof Fault f) {
            o.put("event", "fault").put("at", f.at().toString()).put("kind", f.kind().name()).put("detail", f.detail());
        } else if (e instanceof Identified id) {
            var d = id.identity();
            o.put("event", "identity").put("at", id.at().toString()).put("vendor", d.vendor()).put("model", d.model())
                    .put("serial", d.serial()).put("firmware", d.firmware())
                    .put("verifiedOn", d.verifiedOn().toString()).put("verificationDue", d.verificationDue().toString());
        }
        return o;
    }

    private static void put(ObjectNode o, String name, Object v) {
        if (v == null) {
            o.putNull(name);
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) o.putNull(name); else o.put(name, d);
        } else if (v instanceof Integer i) {
            o.put(name, i);
        } else if (v instanceof Long l) {
            o.put(name, l);
        } else if (v instanceof Boolean b) {
            o.put(name, b);
        } else if (v instanceof OptionalDouble od) {
            if (od.isPresent()) o.put(name, od.getAsDouble()); else o.putNull(name);
        } else if (v instanceof byte[] bytes) {
            o.put(name, bytes);
        } else if (v instanceof Enum<?> en) {
            o.put(name, en.name());
        } else {
            o.put(name, v.toString());
        }
    }
}
