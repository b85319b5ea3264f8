package co.rtm.profiles.wire;

import co.rtm.profiles.scoring.ScoreResult;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed {@code inspection} message a lane sends (DESIGN §3): the common header, the lane profile it was
 * scored on, when the inspection started, the scoring document exactly as scored (DESIGN §5 input, kept as a
 * JSON tree so the hub re-scores the very bytes the lane scored), the lane's claimed score, and who inspected.
 * {@code retestOfFur} names the original FUR when this is a retest (art. 3.3.5.3), otherwise null.
 * {@code evidence}, when the lane read instruments, names them and carries the raw sample series (compressed) for
 * audit; it is stored with the result and does not take part in scoring.
 */
public record InspectionMessage(UUID messageId, String centerId, String stationId, long seq, String bootId,
                                OffsetDateTime createdAt, String profile, OffsetDateTime startedAt,
                                List<String> inspectors, String retestOfFur, JsonNode input, ScoreResult score,
                                JsonNode evidence)
        implements StationMessage {

    public static final String TYPE = "inspection";

    public InspectionMessage {
        new MessageHeader(messageId, centerId, stationId, seq, bootId, createdAt);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(startedAt, "startedAt");
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
        if (input == null || !input.isObject()) throw new IllegalArgumentException("input must be the scoring document object");
        Objects.requireNonNull(score, "score");
        if (evidence != null && !evidence.isObject()) throw new IllegalArgumentException("evidence must be an object");
    }

    public InspectionMessage(UUID messageId, String centerId, String stationId, long seq, String bootId,
                             OffsetDateTime createdAt, String profile, OffsetDateTime startedAt,
                             List<String> inspectors, String retestOfFur, JsonNode input, ScoreResult score) {
        this(messageId, centerId, stationId, seq, bootId, createdAt, profile, startedAt, inspectors, retestOfFur, input,
                score, null);
    }

    public static InspectionMessage of(MessageHeader h, String profile, OffsetDateTime startedAt, List<String> inspectors,
                                       String retestOfFur, JsonNode input, ScoreResult score) {
        return new InspectionMessage(h.messageId(), h.centerId(), h.stationId(), h.seq(), h.bootId(), h.createdAt(),
                profile, startedAt, inspectors, retestOfFur, input, score, null);
    }

    /** With the instruments' evidence (null when none). */
    public static InspectionMessage of(MessageHeader h, String profile, OffsetDateTime startedAt, List<String> inspectors,
                                       String retestOfFur, JsonNode input, ScoreResult score, JsonNode evidence) {
        return new InspectionMessage(h.messageId(), h.centerId(), h.stationId(), h.seq(), h.bootId(), h.createdAt(),
                profile, startedAt, inspectors, retestOfFur, input, score, evidence);
    }
}
