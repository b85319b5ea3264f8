package co.rtm.profiles.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message a station signs and sends to the hub. Implementations are records whose first
 * components are the {@link MessageHeader} members, so the header is flat in the JSON.
 */
public interface StationMessage {

    UUID messageId();

    String centerId();

    String stationId();

    long seq();

    String bootId();

    OffsetDateTime createdAt();

    /** The common members as one value (not serialised: they are already top-level). */
    @JsonIgnore
    default MessageHeader header() {
        return new MessageHeader(messageId(), centerId(), stationId(), seq(), bootId(), createdAt());
    }
}
