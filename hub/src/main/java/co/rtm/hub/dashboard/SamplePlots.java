package co.rtm.hub.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The raw sample series of an inspection's {@code evidence.samples} (gzip+base64 JSON lines
 * {@code {"t": test, "ms": ..., "sample": name, "v": {field: number}}}, docs/rules-plausibility.md) as plottable
 * series: one per test, sample and numeric field, thinned to at most {@link #MAX_POINTS} points. Pure.
 */
public final class SamplePlots {
    public static final int MAX_POINTS = 600;
    private static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line to draw: {@code points} are [ms, value] pairs. */
    public record Plot(String test, String sample, String field, List<double[]> points) {
    }

    private SamplePlots() {
    }

    /** The plots of {@code evidence}; empty when there is none or it cannot be read (it was checked at ingestion). */
    public static List<Plot> of(JsonNode evidence) {
        if (evidence == null || !evidence.hasNonNull("samples") || !evidence.get("samples").isTextual()) {
            return List.of();
        }
        String text;
        try {
            text = gunzip(Base64.getDecoder().decode(evidence.get("samples").asText()));
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
        Map<String, Plot> plots = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                continue;
            }
            JsonNode v = n.get("v");
            if (v == null || !v.isObject() || !n.hasNonNull("ms")) {
                continue;
            }
            String test = n.path("t").asText("");
            String sample = n.path("sample").asText("");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isNumber()) {
                    plots.computeIfAbsent(test + "/" + sample + "/" + f.getKey(),
                            k -> new Plot(test, sample, f.getKey(), new ArrayList<>()))
                            .points().add(new double[]{n.get("ms").asDouble(), f.getValue().asDouble()});
                }
            }
        }
        List<Plot> out = new ArrayList<>();
        for (Plot p : plots.values()) {
            out.add(new Plot(p.test(), p.sample(), p.field(), thin(p.points())));
        }
        return out;
    }

    static List<double[]> thin(List<double[]> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        List<double[]> out = new ArrayList<>(MAX_POINTS);
        double step = (points.size() - 1) / (double) (MAX_POINTS - 1);
        for (int i = 0; i < MAX_POINTS; i++) {
            out.add(points.get((int) Math.round(i * step)));
        }
        return out;
    }

    private static String gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            byte[] bytes = in.readNBytes(MAX_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
