package co.rtm.agent.inspection;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.profiles.inspection.TestKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * The raw series an inspection read, kept with the result for audit: every event of every test, one JSON line
 * each ({@code t} test, {@code ms} since the test started, then the reading, fault or identity; {@code t} is
 * {@code lane} for the lane's photocells and emergency stop, {@code ms} then counting from the first test), gzip-compressed
 * and base64-encoded into the message's {@code evidence}. Plausibility checks at the hub (a series reused across
 * vehicles) and the dashboard's plots read it back.
 */
public final class SampleSeries {
    /** Samples as JSON; an {@code OptionalDouble} (the gas analyser's oil temperature) is its value or null. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
            .addSerializer(java.util.OptionalDouble.class, new com.fasterxml.jackson.databind.JsonSerializer<>() {
                @Override
                public void serialize(java.util.OptionalDouble v, com.fasterxml.jackson.core.JsonGenerator g,
                                      com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
                    if (v.isPresent()) {
                        g.writeNumber(v.getAsDouble());
                    } else {
                        g.writeNull();
                    }
                }
            }));

    private final StringBuilder lines = new StringBuilder();
    private int events;

    void add(TestKind test, Instant testStart, InstrumentEvent e) {
        add(test.json(), testStart, e);
    }

    /**
     * An event of the lane's own I/O (a photocell's {@code Presence}, an emergency-stop fault), as {@code "t":"lane"}
     * with {@code ms} since the vehicle's tests started.
     */
    void addLane(Instant vehicleStart, InstrumentEvent e) {
        add("lane", vehicleStart, e);
    }

    private void add(String t, Instant start, InstrumentEvent e) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("t", t);
        n.put("ms", e.at().toEpochMilli() - start.toEpochMilli());
        if (e instanceof Reading r) {
            n.put("sample", r.sample().getClass().getSimpleName());
            n.set("v", JSON.valueToTree(r.sample()));
        } else if (e instanceof Fault f) {
            n.put("fault", f.kind().name());
            n.put("detail", f.detail());
        } else if (e instanceof Identified i) {
            DeviceIdentity id = i.identity();
            n.put("identity", id.vendor() + " " + id.model() + " " + id.serial());
        }
        lines.append(n).append('\n');
        events++;
    }

    public int events() {
        return events;
    }

    /** The series as gzip + base64 of its JSON lines. */
    public String compressed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
