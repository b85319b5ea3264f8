package co.rtm.hub.broker;

import co.rtm.hub.transport.AsyncMessageHandler;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.hub.transport.StationLink;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.builder.PublishBuilder;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub in the broker's own process, with no MQTT client in between: stations' results reach the hub's
 * {@link AsyncMessageHandler} from {@link StationIntake}, and acks and config leave through the broker's publish
 * service. This saves, per result, the broker encoding a copy for a hub subscriber, the hub's client decoding it
 * again (Paho reads every byte through a synchronised stream), and the same two steps for the ack.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>A station's result is handed to the handler on the broker's extension thread, in the order the station sent
 *   it; the handler may block to push back, which holds that station's next messages (and its PUBACKs) until there
 *   is room.</li>
 *   <li>The broker answers the station's PUBLISH with PUBACK as soon as the handler took the message, not once it
 *   is stored. What keeps a result safe until then is the station's outbox: it keeps every result until the hub's
 *   signed ack and publishes it again after its ack timeout (DESIGN §3), so a hub that stops between the two loses
 *   nothing, and the resend is answered from the ledger if it had been stored after all.</li>
 *   <li>After {@link #close} results are refused (PUBACK reason UNSPECIFIED_ERROR, "the hub is stopping"); the
 *   station keeps them and tries again.</li>
 * </ul>
 *
 * <p>With an external broker the hub keeps using {@code HubMqttClient}, whose PUBACK follows the commit.
 */
public final class BrokerLink implements StationLink {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);

    private final AsyncMessageHandler handler;
    private final PublishService publishes;
    private volatile boolean open = true;

    BrokerLink(AsyncMessageHandler handler, PublishService publishes) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.publishes = Objects.requireNonNull(publishes, "publishes");
    }

    /** A result a station published on its own topic: handed over, then acknowledged to the station at once. */
    void take(PublishPacket packet, PublishInboundOutput output) {
        if (!open) {
            output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "the hub is stopping");
            return;
        }
        String topic = packet.getTopic();
        handler.handle(inbound(packet)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("could not ingest a message on {}; the station publishes it again after its ack timeout: {}",
                        topic, failure.toString());
            }
        });
        output.preventPublishDelivery(AckReasonCode.SUCCESS);
    }

    /** A station's {@code online}/{@code offline}: the hub hears it, and the broker routes and retains it as before. */
    void status(PublishPacket packet) {
        if (open) {
            handler.handle(inbound(packet));
        }
    }

    /** A station's will ({@code offline}), which the broker publishes without passing it through {@link StationIntake}. */
    void will(String topic, byte[] payload) {
        if (open) {
            handler.handle(new InboundMessage(topic, payload.clone(), Optional.empty(), Optional.empty(), false));
        }
    }

    private static InboundMessage inbound(PublishPacket packet) {
        return new InboundMessage(packet.getTopic(), packet.getPayload().map(BrokerLink::bytes).orElseGet(() -> new byte[0]),
                packet.getResponseTopic(), packet.getCorrelationData().map(BrokerLink::bytes), packet.getDupFlag());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer view = buffer.asReadOnlyBuffer();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return out;
    }

    @Override
    public CompletableFuture<Void> reply(String responseTopic, byte[] correlationData, byte[] payload) {
        PublishBuilder publish = Builders.publish().topic(responseTopic).qos(Qos.AT_LEAST_ONCE).retain(false)
                .payload(ByteBuffer.wrap(payload));
        if (correlationData != null) {
            publish.correlationData(ByteBuffer.wrap(correlationData));
        }
        return send(publish);
    }

    @Override
    public CompletableFuture<Void> publishRetained(String topic, byte[] payload) {
        return send(Builders.publish().topic(topic).qos(Qos.AT_LEAST_ONCE).retain(true).payload(ByteBuffer.wrap(payload)));
    }

    private CompletableFuture<Void> send(PublishBuilder publish) {
        try {
            return publishes.publish(publish.build());
        } catch (RuntimeException e) { // a malformed topic, or the broker stopping
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean isConnected() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    /** For log lines. */
    @Override
    public String toString() {
        return "in-process link" + (open ? "" : " (closed)");
    }
}
