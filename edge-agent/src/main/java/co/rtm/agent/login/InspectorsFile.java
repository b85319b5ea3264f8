package co.rtm.agent.login;

import co.rtm.profiles.person.DocumentId;
import co.rtm.agent.instruments.fingerprint.FingerprintMatcher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lane's inspectors file (JSON), written by {@code edge-agent enroll} and read by {@code run --inspectors}:
 *
 * <pre>
 * {
 *   "threshold": 40,
 *   "inspectors": [
 *     {"document": "CC-79123456", "name": "Ana Pérez", "templates": ["&lt;base64 SourceAFIS template&gt;", ...]}
 *   ]
 * }
 * </pre>
 *
 * {@code threshold} is optional ({@link FingerprintMatcher#RECOMMENDED_THRESHOLD} when absent). Documents are
 * unique and canonical ({@code CC-}/{@code CE-}, as the hub's {@code add-person}); each inspector has a name and at
 * least one template, each a SourceAFIS serialized template in standard base64.
 */
public record InspectorsFile(Double threshold, List<Inspector> inspectors) {

    /** The file's JSON shape. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Json(Double threshold, List<Entry> inspectors) {}

    record Entry(String document, String name, List<String> templates) {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public InspectorsFile {
        inspectors = List.copyOf(inspectors);
    }

    /**
     * A document in the form the hub registers it ({@code CC-79123456}, {@code CE-E123456}).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String canonicalDocument(String text) {
        return DocumentId.parse(text).text();
    }

    /** The threshold in force: the file's, or SourceAFIS's recommended 40. */
    public double effectiveThreshold() {
        return threshold == null ? FingerprintMatcher.RECOMMENDED_THRESHOLD : threshold;
    }

    public Optional<Inspector> find(String document) {
        return inspectors.stream().filter(i -> i.document().equals(document)).findFirst();
    }

    /**
     * Reads and checks the file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong, in one line
     */
    public static InspectorsFile read(Path file) {
        Json json;
        try {
            json = MAPPER.readValue(Files.readAllBytes(file), Json.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new IllegalArgumentException(file + ": " + (path.isEmpty() ? "" : path + ": ")
                    + e.getOriginalMessage().lines().findFirst().orElse("not valid"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        if (json == null) {
            throw new IllegalArgumentException(file + ": empty file");
        }
        return check(file, json);
    }

    /** {@link #read}, or an empty file with the default threshold when it does not exist yet (for enrolment). */
    public static InspectorsFile readOrEmpty(Path file) {
        return Files.exists(file) ? read(file) : new InspectorsFile(null, List.of());
    }

    private static InspectorsFile check(Path file, Json json) {
        if (json.threshold() != null && !(json.threshold() > 0)) {
            throw new IllegalArgumentException(file + ": threshold: must be above 0, got " + json.threshold());
        }
        if (json.inspectors() == null) {
            throw new IllegalArgumentException(file + ": inspectors: missing");
        }
        List<Inspector> inspectors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < json.inspectors().size(); i++) {
            String where = file + ": inspectors[" + i + "]";
            Entry e = json.inspectors().get(i);
            if (e == null) {
                throw new IllegalArgumentException(where + ": null");
            }
            String document;
            try {
                document = DocumentId.parse(e.document()).text();
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ".document: " + ex.getMessage());
            }
            if (!seen.add(document)) {
                throw new IllegalArgumentException(where + ".document: " + document + " is enrolled twice");
            }
            if (e.name() == null || e.name().isBlank()) {
                throw new IllegalArgumentException(where + ".name: missing");
            }
            if (e.templates() == null || e.templates().isEmpty()) {
                throw new IllegalArgumentException(where + ".templates: at least one template is required");
            }
            List<byte[]> templates = new ArrayList<>();
            for (int t = 0; t < e.templates().size(); t++) {
                templates.add(template(where + ".templates[" + t + "]", e.templates().get(t)));
            }
            inspectors.add(new Inspector(document, e.name().strip(), templates));
        }
        return new InspectorsFile(json.threshold(), inspectors);
    }

    private static byte[] template(String where, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not base64");
        }
        try {
            new FingerprintMatcher(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        return bytes;
    }

    /**
     * This file with {@code document} enrolled: a new inspector, or an existing one renamed to {@code name} with
     * {@code templates} added to theirs (a template already there is not added twice).
     *
     * @throws IllegalArgumentException when the document or name is not valid
     */
    public InspectorsFile enrol(String document, String name, List<byte[]> templates) {
        String doc = DocumentId.parse(document).text();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a name is required");
        }
        List<Inspector> next = new ArrayList<>();
        boolean found = false;
        for (Inspector i : inspectors) {
            if (i.document().equals(doc)) {
                List<byte[]> merged = new ArrayList<>(i.templates());
                for (byte[] t : templates) {
                    if (merged.stream().noneMatch(m -> Arrays.equals(m, t))) {
                        merged.add(t);
                    }
                }
                next.add(new Inspector(doc, name.strip(), merged));
                found = true;
            } else {
                next.add(i);
            }
        }
        if (!found) {
            next.add(new Inspector(doc, name.strip(), templates));
        }
        return new InspectorsFile(threshold, next);
    }

    /** Writes the file (through a temporary file and a rename, so a crash never leaves half a file). */
    public void write(Path file) throws IOException {
        List<Entry> entries = inspectors.stream().map(i -> new Entry(i.document(), i.name(),
                i.templates().stream().map(t -> Base64.getEncoder().encodeToString(t)).toList())).toList();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, MAPPER.writeValueAsBytes(new Json(threshold, entries)));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
