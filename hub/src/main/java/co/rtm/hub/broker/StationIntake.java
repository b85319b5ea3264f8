package co.rtm.hub.broker;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import java.util.function.Supplier;

/**
 * Sits on one station's connection and hands what it publishes on its own result topics straight to the hub running
 * in this process ({@link BrokerLink}), instead of routing it to a subscriber; its {@code status} goes to the hub as
 * well and is routed (and retained) as before. Everything else passes untouched, so the broker's ACL answers it as it
 * always did: another station's topic, a retained result, an unknown kind.
 *
 * <p>An interceptor runs before the broker's own authorisation, which is why it applies the station part of
 * {@link TopicAcl} itself before taking a message.
 */
final class StationIntake implements PublishInboundInterceptor {

    private final String ownPrefix;
    private final Supplier<BrokerLink> link;

    StationIntake(Principal.Station station, Supplier<BrokerLink> link) {
        this.ownPrefix = TopicAcl.stationTopic(station, "");
        this.link = link;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        BrokerLink target = link.get();
        if (target == null) {
            return; // no hub in this process: plain routing
        }
        PublishPacket packet = input.getPublishPacket();
        String topic = packet.getTopic();
        if (!topic.startsWith(ownPrefix)) {
            return;
        }
        String kind = topic.substring(ownPrefix.length());
        if (kind.equals(TopicAcl.STATUS)) {
            target.status(packet);
        } else if (TopicAcl.STATION_RESULTS.contains(kind) && !packet.getRetain()) {
            target.take(packet, output);
        }
    }
}
