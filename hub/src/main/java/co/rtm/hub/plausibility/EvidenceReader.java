package co.rtm.hub.plausibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads an inspection message's {@code evidence} (written by the edge agent's {@code InstrumentedLaneFeed}):
 * {@code instruments} [{test, kind, serial, verificationDue}] and {@code samples}, gzip + base64 of JSON lines
 * {@code {"t": test, "ms": since the test started, ...}}. Lines of {@code "t": "lane"} (photocells, emergency stop)
 * belong to no test and are left out. Pure; throws {@link IllegalArgumentException} naming the field.
 */
public final class EvidenceReader {
    /** A series with fewer readings is not fingerprinted: two honest vehicles could produce the same few lines. */
    public static final int MIN_READINGS_TO_FINGERPRINT = 8;
    /** The most decompressed series text read: far above any real inspection, a guard against a gzip bomb. */
    static final int MAX_SERIES_BYTES = 32 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceReader() {
    }

    public static Evidence read(JsonNode evidence) {
        List<Evidence.Instrument> instruments = new ArrayList<>();
        JsonNode used = evidence.path("instruments");
        for (int i = 0; i < used.size(); i++) {
            JsonNode u = used.get(i);
            String at = "evidence.instruments[" + i + "]";
            if (!u.path("test").isTextual()) {
                throw new IllegalArgumentException(at + ".test: required");
            }
            JsonNode due = u.get("verificationDue");
            instruments.add(new Evidence.Instrument(u.get("test").asText(), u.path("serial").asText(null),
                    due == null || due.isNull() ? null : date(due, at + ".verificationDue")));
        }
        JsonNode samples = evidence.get("samples");
        Map<String, Evidence.TestSeries> series = samples == null || samples.isNull() ? Map.of() : series(samples);
        return new Evidence(series, instruments);
    }

    private static Map<String, Evidence.TestSeries> series(JsonNode samples) {
        if (!samples.isTextual()) {
            throw new IllegalArgumentException("evidence.samples: must be gzip+base64 JSON lines");
        }
        String text = decompress(samples.asText());
        Map<String, Acc> byTest = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode e;
            try {
                e = JSON.readTree(line);
            } catch (IOException ex) {
                throw new IllegalArgumentException("evidence.samples line " + n + ": not JSON");
            }
            if (!e.path("t").isTextual() || !e.path("ms").canConvertToLong()) {
                throw new IllegalArgumentException("evidence.samples line " + n + ": needs t and ms");
            }
            String test = e.get("t").asText();
            if (test.equals("lane")) {
                continue;
            }
            Acc acc = byTest.computeIfAbsent(test, t -> new Acc());
            acc.lastMs = Math.max(acc.lastMs, e.get("ms").asLong());
            if (e.has("identity")) {
                continue; // the same series replayed through another instrument is still the same series
            }
            if (e.has("sample")) {
                acc.readings++;
            }
            acc.digest.update(line.getBytes(StandardCharsets.UTF_8));
            acc.digest.update((byte) '\n');
        }
        Map<String, Evidence.TestSeries> out = new LinkedHashMap<>();
        byTest.forEach((test, acc) -> out.put(test, new Evidence.TestSeries(acc.lastMs, acc.readings,
                acc.readings >= MIN_READINGS_TO_FINGERPRINT ? HexFormat.of().formatHex(acc.digest.digest()) : null)));
        return out;
    }

    private static String decompress(String base64) {
        byte[] gz;
        try {
            gz = java.util.Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("evidence.samples: not base64");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int r;
            while ((r = in.read(buf)) > 0) {
                out.write(buf, 0, r);
                if (out.size() > MAX_SERIES_BYTES) {
                    throw new IllegalArgumentException("evidence.samples: more than " + MAX_SERIES_BYTES + " bytes decompressed");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("evidence.samples: not gzip (" + e.getMessage() + ")");
        }
    }

    private static LocalDate date(JsonNode node, String at) {
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + ": not an ISO date: " + node.asText());
        }
    }

    private static final class Acc {
        final MessageDigest digest = sha256();
        long lastMs;
        int readings;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
