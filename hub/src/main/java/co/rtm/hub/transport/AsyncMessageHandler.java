package co.rtm.hub.transport;

import java.util.concurrent.CompletionStage;

/**
 * Receives the messages stations send to the hub, in arrival order, and finishes them later, possibly on other
 * threads and in batches. The MQTT acknowledgement of a message is sent once its stage completed normally and
 * every earlier message was acknowledged (MQTT 5 §4.6: PUBACKs in the order the PUBLISHes arrived). A stage that
 * completes exceptionally makes the client drop the connection so the broker delivers it, and everything after
 * it, again: handlers must be idempotent, as for {@link MessageHandler}.
 *
 * <p>{@code handle} runs on the MQTT callback thread; it may block briefly to push back when the handler is
 * full, which stops reading from the broker.
 */
@FunctionalInterface
public interface AsyncMessageHandler {

    CompletionStage<?> handle(InboundMessage message);
}
