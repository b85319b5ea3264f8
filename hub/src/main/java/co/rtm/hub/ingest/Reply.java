package co.rtm.hub.ingest;

import co.rtm.hub.transport.InboundMessage;
import co.rtm.profiles.wire.Topic;
import java.util.UUID;

/** Where and to which message an answer goes. The id is the claimed one until the signature is verified. */
record Reply(Topic topic, InboundMessage message, UUID messageId) {
    Reply withId(UUID verified) {
        return verified.equals(messageId) ? this : new Reply(topic, message, verified);
    }
}
