package co.rtm.hub.plausibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/** Builds evidence the way the edge agent writes it (SampleSeries, InstrumentedLaneFeed.evidence). */
public final class SeriesText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringBuilder lines = new StringBuilder();
    private final ObjectNode evidence = JSON.createObjectNode();
    private final ArrayNode instruments = evidence.putArray("instruments");

    public SeriesText identity(String test, long ms, String who) {
        lines.append("{\"t\":\"").append(test).append("\",\"ms\":").append(ms).append(",\"identity\":\"").append(who).append("\"}\n");
        return this;
    }

    /** {@code n} readings of {@code test}, evenly spread from 0 to {@code lastMs}, values from {@code base}. */
    public SeriesText readings(String test, int n, long lastMs, double base) {
        for (int i = 0; i < n; i++) {
            long ms = n == 1 ? lastMs : lastMs * i / (n - 1);
            lines.append("{\"t\":\"").append(test).append("\",\"ms\":").append(ms)
                    .append(",\"sample\":\"S\",\"v\":{\"x\":").append(base + i).append("}}\n");
        }
        return this;
    }

    public SeriesText lane(long ms) {
        lines.append("{\"t\":\"lane\",\"ms\":").append(ms).append(",\"sample\":\"Presence\",\"v\":{\"on\":true}}\n");
        return this;
    }

    public SeriesText instrument(String test, String serial, String verificationDue) {
        instruments.addObject().put("test", test).put("kind", test).put("vendor", "V").put("model", "M")
                .put("serial", serial).put("verificationDue", verificationDue);
        return this;
    }

    public JsonNode evidence() {
        ObjectNode e = evidence.deepCopy();
        e.put("samplesEncoding", "gzip+base64 JSON lines");
        e.put("samples", gzip(lines.toString()));
        return e;
    }

    public static String gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
