package co.rtm.agent.lane;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One vehicle's pass through the lane, as the lane reported it.
 *
 * @param document   the scoring document of DESIGN §5 ({@code testedAt}, {@code vehicle}, {@code measurements},
 *                   {@code sensoryDefects}), exactly as received minus the lane-only members; not yet validated
 * @param startedAt  when the inspection started (the lane's {@code startedAt}, else the document's {@code testedAt})
 * @param inspectors who inspected (document numbers or ids), possibly empty
 * @param evidence   the instruments used and their raw series, when the lane read instruments; otherwise null
 */
public record LaneReading(JsonNode document, OffsetDateTime startedAt, List<String> inspectors, JsonNode evidence) {

    public LaneReading(JsonNode document, OffsetDateTime startedAt, List<String> inspectors) {
        this(document, startedAt, inspectors, null);
    }


    public LaneReading {
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("document must be a JSON object");
        }
        document = document.deepCopy();
        Objects.requireNonNull(startedAt, "startedAt");
        inspectors = List.copyOf(inspectors);
    }

    @Override
    public JsonNode document() {
        return document.deepCopy();
    }
}
