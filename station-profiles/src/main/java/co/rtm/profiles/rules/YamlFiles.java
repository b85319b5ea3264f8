package co.rtm.profiles.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads rule and profile YAML into records, strictly: an unknown field, a wrong type or a record that refuses
 * its values becomes a {@link RuleFileException} naming the file, the line and the field path.
 */
public final class YamlFiles {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private YamlFiles() {}

    public static <T> T read(String file, String text, Class<T> type) {
        try {
            return YAML.readValue(text, type);
        } catch (JsonMappingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (e instanceof UnrecognizedPropertyException u) line = lineOfKeyBefore(text, u.getPropertyName(), line);
            throw new RuleFileException(file, line, path(e), problem(e));
        } catch (IOException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null ? p.getLocation().getLineNr() : 0;
            throw new RuleFileException(file, line, "", "not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    public static String resource(String name) {
        try (InputStream in = YamlFiles.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First line of {@code text} (1-based) that contains {@code needle}, 0 if none: locates cross-reference errors. */
    public static int lineOf(String text, String needle) {
        int idx = text.indexOf(needle);
        if (idx < 0) return 0;
        int line = 1;
        for (int i = 0; i < idx; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /**
     * Records buffer their properties, so Jackson reports an unknown one where the object ends; walk back to the
     * line that declares it.
     */
    private static int lineOfKeyBefore(String text, String key, int reportedLine) {
        String[] lines = text.split("\n", -1);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(^|[\\s{,-])" + java.util.regex.Pattern.quote(key) + "\\s*:");
        for (int i = Math.min(reportedLine, lines.length) - 1; i >= 0; i--) {
            if (p.matcher(lines[i]).find()) return i + 1;
        }
        return reportedLine;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && !(cause instanceof IllegalArgumentException)) cause = cause.getCause();
        if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) return iae.getMessage();
        return firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
