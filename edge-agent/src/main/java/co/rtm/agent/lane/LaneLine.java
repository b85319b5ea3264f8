package co.rtm.agent.lane;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns one line of the lane protocol ({@link TcpLaneFeed}) into a {@link LaneReading}, or says why not. */
final class LaneLine {

    static final String STARTED_AT = "startedAt";
    static final String INSPECTORS = "inspectors";
    private static final int EXCERPT = 120;
    private static final int MAX_INSPECTOR_ID = 64;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private LaneLine() {
    }

    /** @param line the bytes of one line, without its {@code \n} (a trailing {@code \r} is tolerated) */
    static LaneReading parse(byte[] line) throws LaneFaultException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new LaneFaultException("line is not UTF-8", excerpt(new String(line, StandardCharsets.UTF_8)));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LaneFaultException("line is not JSON: " + e.getOriginalMessage(), excerpt(text));
        }
        if (root == null || !root.isObject()) {
            throw new LaneFaultException("line is not a JSON object", excerpt(text));
        }
        ObjectNode document = (ObjectNode) root;
        JsonNode started = document.remove(STARTED_AT);
        JsonNode inspectors = document.remove(INSPECTORS);
        return new LaneReading(document, startedAt(started, document.get("testedAt"), text),
                inspectors(inspectors, text));
    }

    private static OffsetDateTime startedAt(JsonNode started, JsonNode testedAt, String text) throws LaneFaultException {
        if (started != null) {
            return time(started, STARTED_AT, text);
        }
        if (testedAt != null) {
            return time(testedAt, "testedAt", text);
        }
        throw new LaneFaultException("line has neither startedAt nor testedAt", excerpt(text));
    }

    private static OffsetDateTime time(JsonNode node, String name, String text) throws LaneFaultException {
        if (!node.isTextual()) {
            throw new LaneFaultException(name + " is not a string", excerpt(text));
        }
        try {
            return OffsetDateTime.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw new LaneFaultException(name + " is not an ISO-8601 date-time with offset", excerpt(text));
        }
    }

    private static List<String> inspectors(JsonNode node, String text) throws LaneFaultException {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new LaneFaultException("inspectors is not an array", excerpt(text));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > MAX_INSPECTOR_ID) {
                throw new LaneFaultException("inspectors must be non-blank strings of at most " + MAX_INSPECTOR_ID
                        + " characters", excerpt(text));
            }
            out.add(item.textValue());
        }
        return out;
    }

    static String excerpt(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "...";
    }
}
