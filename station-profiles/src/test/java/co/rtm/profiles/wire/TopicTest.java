package co.rtm.profiles.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTest {

    @Test
    void parsesAStationTopic() {
        Topic t = Topic.parse("runt/v1/cda-0042/lane_1/inspection");
        assertThat(t).isEqualTo(new Topic("cda-0042", "lane_1", TopicKind.INSPECTION));
        assertThat(t.name()).isEqualTo("runt/v1/cda-0042/lane_1/inspection");
    }

    @ParameterizedTest
    @EnumSource(TopicKind.class)
    void everyKindRoundTrips(TopicKind kind) {
        Topic t = new Topic("C1", "S1", kind);
        assertThat(t.name()).endsWith("/" + kind.wire()).isEqualTo(t.toString());
        assertThat(Topic.parse(t.name())).isEqualTo(t);
    }

    @Test
    void kindsAreTheContractsLevels() {
        assertThat(TopicKind.values()).extracting(TopicKind::wire)
                .containsExactly("inspection", "exam", "track", "event", "ack", "config", "status");
    }

    @Test
    void subscriptionFilters() {
        assertThat(Topic.SHARED_SUBSCRIPTION).isEqualTo("$share/hub/runt/v1/+/+/+");
        assertThat(Topic.ALL_STATIONS).isEqualTo("runt/v1/+/+/+");
        assertThat(Topic.stationFilter("cda-1", "lane-2")).isEqualTo("runt/v1/cda-1/lane-2/+");
        assertThatThrownBy(() -> Topic.stationFilter("cda-1", "#")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "runt/v1/c/s",
        "runt/v1/c/s/ack/",
        "runt/v1/c/s/ack/extra",
        "runt/v2/c/s/ack",
        "RUNT/v1/c/s/ack",
        "/runt/v1/c/s/ack",
        "runt/v1//s/ack",
        "runt/v1/c//ack",
        "runt/v1/+/s/ack",
        "runt/v1/c/#",
        "runt/v1/c/s/+",
        "runt/v1/c/s/ACK",
        "runt/v1/c/s/heartbeat",
        "runt/v1/c d/s/ack",
        "runt/v1/c/estación/ack",
        "runt/v1/c/s.1/ack",
        "$share/hub/runt/v1/c/s/ack",
        "runt/v1/c/s\u0000/ack",
        "runt/v1/c/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ack"
    })
    void refusesBadTopics(String topic) {
        assertThatThrownBy(() -> Topic.parse(topic)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Topic.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAreSafeTopicLevels() {
        assertThat(Ids.isSafe("a".repeat(64))).isTrue();
        assertThat(Ids.isSafe("a".repeat(65))).isFalse();
        assertThat(Ids.isSafe("Lane_07-b")).isTrue();
        for (String bad : new String[] {"", "a/b", "a+b", "a#b", "a b", "ñ", "a\nb", "$SYS"}) {
            assertThat(Ids.isSafe(bad)).as(bad).isFalse();
        }
        assertThat(Ids.isSafe(null)).isFalse();
        assertThatThrownBy(() -> new Topic("c/1", "s", TopicKind.ACK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topic("c", "s", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
