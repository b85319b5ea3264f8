package co.rtm.hub.config;

/** Publishes a retained QoS 1 message (the hub's MQTT client). Must not block on the broker. */
@FunctionalInterface
public interface RetainedSink {
    void publish(String topic, byte[] payload);
}
