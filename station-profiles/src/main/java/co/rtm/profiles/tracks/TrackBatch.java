package co.rtm.profiles.tracks;

import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.StationMessage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The signed {@code track} message of a mobile line (DESIGN §3, §7; art. 3.3.1.6 h-i): the common header, then
 * the GPS fixes recorded since the previous batch, oldest first, device times strictly increasing. At least one
 * fix and at most {@value #MAX_FIXES} (an hour at 1 Hz; the agent sends far fewer, every 30 s by default).
 */
public record TrackBatch(UUID messageId, String centerId, String stationId, long seq, String bootId,
                         OffsetDateTime createdAt, List<TrackFix> fixes) implements StationMessage {

    public static final String TYPE = "track";
    public static final int MAX_FIXES = 3600;

    public TrackBatch {
        new MessageHeader(messageId, centerId, stationId, seq, bootId, createdAt);
        if (fixes == null || fixes.isEmpty()) {
            throw new IllegalArgumentException("a track batch needs at least one fix");
        }
        if (fixes.size() > MAX_FIXES) {
            throw new IllegalArgumentException("a track batch holds at most " + MAX_FIXES + " fixes, got " + fixes.size());
        }
        fixes = List.copyOf(fixes);
        for (int i = 1; i < fixes.size(); i++) {
            if (!fixes.get(i).deviceTime().isAfter(fixes.get(i - 1).deviceTime())) {
                throw new IllegalArgumentException("fixes must be oldest first with strictly increasing device times: fix "
                        + i + " at " + fixes.get(i).deviceTime() + " is not after " + fixes.get(i - 1).deviceTime());
            }
        }
    }

    public static TrackBatch of(MessageHeader h, List<TrackFix> fixes) {
        return new TrackBatch(h.messageId(), h.centerId(), h.stationId(), h.seq(), h.bootId(), h.createdAt(), fixes);
    }
}
