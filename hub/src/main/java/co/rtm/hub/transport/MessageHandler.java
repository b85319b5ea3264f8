package co.rtm.hub.transport;

/**
 * Receives the messages stations send to the hub, one at a time, in arrival order.
 *
 * <p>The MQTT acknowledgement (PUBACK) is sent only after this method returns normally, so a
 * handler must return only once the message is durably dealt with (stored, refused and recorded,
 * or answered). Throwing, or a crash before returning, leaves the message unacknowledged: the
 * client drops the connection and the broker delivers it again on reconnect. Handlers must
 * therefore be idempotent (DESIGN §3: a known messageId is answered again with the same ack).
 *
 * <p>Must not wait for the completion of a {@link HubMqttClient#reply} inside this method: the
 * reply's PUBACK is processed on the same callback thread.
 */
@FunctionalInterface
public interface MessageHandler {

    void handle(InboundMessage message) throws Exception;
}
