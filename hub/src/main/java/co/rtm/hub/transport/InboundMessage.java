package co.rtm.hub.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * One PUBLISH a station sent to the hub, with the MQTT 5 request/response properties the reply
 * needs. The arrays are the client's own copies; handlers may keep them.
 *
 * @param topic           e.g. {@code runt/v1/C1/S1/inspection}
 * @param payload         the raw bytes (a JWS envelope for signed kinds)
 * @param responseTopic   where the station wants the ack, if it asked for one
 * @param correlationData what the station wants echoed in the ack, if any
 * @param duplicate       the broker marked it as a redelivery (DUP); a hint only, not proof
 */
public record InboundMessage(
        String topic,
        byte[] payload,
        Optional<String> responseTopic,
        Optional<byte[]> correlationData,
        boolean duplicate) {

    public InboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(responseTopic, "responseTopic");
        Objects.requireNonNull(correlationData, "correlationData");
    }
}
