package co.rtm.hub.ingest;

/**
 * Sends a signed ack to a station. Must not block on the broker's acknowledgement: it is called
 * from inside the MQTT message handler.
 */
@FunctionalInterface
public interface AckSink {
    /** @param correlationData null when the station sent none */
    void send(String topic, byte[] correlationData, byte[] signedAck);
}
