package co.rtm.sim.chaos;

import co.rtm.profiles.wire.StationBundle;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerFilesTest {
    private static StationBundle station(String center, String id) {
        return new StationBundle(StationBundle.FORMAT, center, id, "cda-light@1", 1, null, "hub#1", "x",
                new StationBundle.Mqtt("tcp://127.0.0.1:1883", id, "secret"), OffsetDateTime.parse("2026-11-30T10:00:00Z"), null);
    }

    @Test
    void hubsMayUseEveryStationTopicAndAStationOnlyItsOwn() {
        String acl = BrokerFiles.acl(List.of("hub-a"), List.of(station("CDA-1", "lane-1"), station("CDA-2", "lane-9")));
        assertThat(acl).contains("user hub-a\ntopic readwrite runt/v1/#\n");
        String lane1 = acl.substring(acl.indexOf("user lane-1"), acl.indexOf("user lane-9"));
        assertThat(lane1.lines().filter(l -> l.startsWith("topic ")))
                .allMatch(l -> l.contains(" runt/v1/CDA-1/lane-1/"))
                .contains("topic write runt/v1/CDA-1/lane-1/inspection", "topic read runt/v1/CDA-1/lane-1/ack",
                        "topic read runt/v1/CDA-1/lane-1/config")
                .doesNotContain("topic write runt/v1/CDA-1/lane-1/ack", "topic write runt/v1/CDA-1/lane-1/config");
    }
}
