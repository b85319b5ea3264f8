package co.rtm.hub.transport;

import java.util.concurrent.CompletableFuture;

/**
 * The hub's way back to its stations: acks on the response topic a station named, and retained config. Two
 * implementations: {@link HubMqttClient}, a Paho client on a broker of its own (an external broker shared by several
 * hub instances), and the embedded broker's in-process link ({@code co.rtm.hub.broker.BrokerLink}), which publishes
 * through the broker's own service without a socket.
 */
public interface StationLink extends AutoCloseable {

    /**
     * Publishes a reply (QoS 1, not retained) echoing the station's correlation data. Never blocks; the future
     * completes when the broker took it.
     *
     * @param correlationData null if the request carried none
     */
    CompletableFuture<Void> reply(String responseTopic, byte[] correlationData, byte[] payload);

    /** Publishes a retained QoS 1 message (a station's signed config). Never blocks. */
    CompletableFuture<Void> publishRetained(String topic, byte[] payload);

    /** Whether messages reach the hub now (the API's health check). */
    boolean isConnected();

    /** Stops taking messages; unanswered ones are sent again by their stations. */
    @Override
    void close();
}
