package co.rtm.hub.broker;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.MqttActivity;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.Retain;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.SharedSubscription;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.util.ArrayList;
import java.util.List;

/**
 * The topic permissions of DESIGN §3 for one principal. Everything not listed is denied.
 *
 * <p>Stations publish their results and heartbeat and read their own acks and config; they may
 * not retain results (a retained inspection would be replayed to every new subscriber) and may
 * not use shared subscriptions. The hub reads every station topic, alone or in the {@code hub}
 * share group, and writes acks and (retained) config.
 */
final class TopicAcl {

    static final String ROOT = "runt/v1";
    static final String HUB_SHARE_GROUP = "hub";
    static final List<String> STATION_RESULTS = List.of("inspection", "exam", "track", "event");
    static final String STATUS = "status";

    private TopicAcl() {
    }

    static String stationTopic(Principal.Station station, String kind) {
        return ROOT + "/" + station.centerId() + "/" + station.stationId() + "/" + kind;
    }

    static List<TopicPermission> permissionsOf(Principal principal) {
        if (principal instanceof Principal.Station station) {
            return station(station);
        }
        if (principal instanceof Principal.Hub) {
            return hub();
        }
        throw new IllegalArgumentException("unknown principal " + principal);
    }

    private static List<TopicPermission> station(Principal.Station station) {
        List<TopicPermission> permissions = new ArrayList<>();
        for (String kind : STATION_RESULTS) {
            permissions.add(publish(stationTopic(station, kind), Retain.NOT_RETAINED));
        }
        permissions.add(publish(stationTopic(station, STATUS), Retain.ALL));
        permissions.add(subscribe(stationTopic(station, "ack"), SharedSubscription.NOT_SHARED));
        permissions.add(subscribe(stationTopic(station, "config"), SharedSubscription.NOT_SHARED));
        return List.copyOf(permissions);
    }

    private static List<TopicPermission> hub() {
        return List.of(
                subscribe(ROOT + "/#", SharedSubscription.NOT_SHARED),
                Builders.topicPermission()
                        .topicFilter(ROOT + "/#")
                        .activity(MqttActivity.SUBSCRIBE)
                        .sharedSubscription(SharedSubscription.SHARED)
                        .sharedGroup(HUB_SHARE_GROUP)
                        .build(),
                publish(ROOT + "/+/+/ack", Retain.NOT_RETAINED),
                publish(ROOT + "/+/+/config", Retain.ALL));
    }

    private static TopicPermission publish(String topic, Retain retain) {
        return Builders.topicPermission()
                .topicFilter(topic)
                .activity(MqttActivity.PUBLISH)
                .retain(retain)
                .build();
    }

    private static TopicPermission subscribe(String filter, SharedSubscription shared) {
        return Builders.topicPermission()
                .topicFilter(filter)
                .activity(MqttActivity.SUBSCRIBE)
                .sharedSubscription(shared)
                .build();
    }
}
