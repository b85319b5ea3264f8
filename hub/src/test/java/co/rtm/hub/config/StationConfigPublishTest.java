package co.rtm.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.broker.StationClient;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.mobile.Schedules;
import co.rtm.hub.mobile.Stay;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.profiles.config.ScheduleStop;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import co.rtm.profiles.config.StationConfig;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.Topic;
import co.rtm.profiles.wire.TopicKind;

/** The hub's retained config through the real embedded broker, read by a Paho client logged in as the station. */
class StationConfigPublishTest {
    @TempDir
    static Path dir;
    static HubServer hub;

    @BeforeAll
    static void start() throws Exception {
        HubHome.init(dir);
        hub = HubServer.start(HubConfig.embedded(dir, 0));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void theStationReceivesItsSignedRetainedConfigAndEachRegistryChange() throws Exception {
        StationBundle bundle = hub.provision("CDA-CFG", "cfg-1", "cda-light");
        String topic = new Topic("CDA-CFG", "cfg-1", TopicKind.CONFIG).name();
        StationClient station = StationClient.connect(hub.mqttUrl(), bundle.mqtt().username(), bundle.mqtt().password());
        try {
            station.subscribe(topic);
            // retained: published after provisioning, before the station subscribed
            StationConfig first = awaitConfig(station, bundle, c -> c.active());
            assertThat(first.capacityPerHour()).isNull();
            assertThat(first.hours()).isNull();
            assertThat(first.profile()).isEqualTo(bundle.profile());
            assertThat(first.vehicleKinds()).isNotEmpty();

            hub.registry().setCapacityPerHour("cfg-1", 3);
            StationConfig capped = awaitConfig(station, bundle, c -> Integer.valueOf(3).equals(c.capacityPerHour()));
            assertThat(capped.version()).isGreaterThan(first.version());

            hub.registry().updateCenterRules("CDA-CFG", r -> r.withHours(OpeningHours.parse("mon-fri 07:00-18:00; holidays closed")));
            StationConfig hours = awaitConfig(station, bundle, c -> c.hours() != null);
            assertThat(hours.hours().days()).containsEntry(DayOfWeek.MONDAY, List.of("07:00-18:00"))
                    .doesNotContainKey(DayOfWeek.SATURDAY);
            assertThat(hours.hours().onHolidays()).isEqualTo("CLOSED");
            assertThat(hours.capacityPerHour()).isEqualTo(3);
            assertThat(hours.version()).isGreaterThan(capped.version());
        } finally {
            station.close();
        }

        // a late subscriber gets only the newest, retained
        StationClient again = StationClient.connect(hub.mqttUrl(), bundle.mqtt().username(), bundle.mqtt().password());
        try {
            again.subscribe(topic);
            StationConfig retained = awaitConfig(again, bundle, c -> true);
            assertThat(retained.hours()).isNotNull();
            assertThat(retained.capacityPerHour()).isEqualTo(3);
        } finally {
            again.close();
        }
    }

    @Test
    void aMobileLinesStaysAreItsLanesScheduleRepublishedWhenAStayIsAddedOrRemoved() throws Exception {
        hub.registry().createCenter("MOB-CFG", CenterKind.MOBILE, "Linea movil", "M900");
        StationBundle bundle = hub.provision("MOB-CFG", "mob-cfg-1", "cda-light-mobile");
        StationClient station = StationClient.connect(hub.mqttUrl(), bundle.mqtt().username(), bundle.mqtt().password());
        try {
            station.subscribe(new Topic("MOB-CFG", "mob-cfg-1", TopicKind.CONFIG).name());
            assertThat(awaitConfig(station, bundle, c -> true).schedule()).isEmpty();
            Schedules schedules = new Schedules(hub.database(), Clock.systemUTC(), Municipalities.colombia());
            // Mitú (Vaupés): no fixed CDA with coordinates in this hub
            Stay stay = schedules.add("MOB-CFG", "97001", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
            StationConfig scheduled = awaitConfig(station, bundle, c -> !c.schedule().isEmpty());
            assertThat(scheduled.schedule()).containsExactly(new ScheduleStop("97001",
                    OffsetDateTime.parse("2026-11-01T00:00-05:00"), OffsetDateTime.parse("2026-12-01T00:00-05:00")));
            schedules.remove("MOB-CFG", stay.id());
            StationConfig removed = awaitConfig(station, bundle, c -> c.version() > scheduled.version() && c.schedule().isEmpty());
            assertThat(removed.schedule()).isEmpty();
        } finally {
            station.close();
        }
    }

    @Test
    void aDeactivatedStationsConfigSaysInactiveAndIsSignedByTheHubOnly() throws Exception {
        StationBundle bundle = hub.provision("CDA-OFF", "off-1", "cda-light");
        hub.registry().setActive("off-1", false);
        List<byte[]> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConfigPublisher publisher = new ConfigPublisher(hub.registry(), Ed25519Keys.generate("hub#1"),
                (t, payload) -> published.add(payload), Clock.systemUTC());
        assertThat(publisher.publish("off-1")).isTrue();
        Envelope envelope = Envelope.parse(published.get(0));
        assertThat(Json.read(envelope.payload(), StationConfig.class).active()).isFalse();
        // signed with another key than the bundle's hub key: a station must not trust it
        assertThat(envelope.verify(bundle.hubKey())).isFalse();
        assertThat(publisher.publish("nobody")).isFalse();
    }

    private static StationConfig awaitConfig(StationClient client, StationBundle bundle,
                                             java.util.function.Predicate<StationConfig> wanted) {
        StationConfig[] found = new StationConfig[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            for (MqttMessage m : List.copyOf(client.received())) {
                Envelope e = Envelope.parse(m.getPayload());
                assertThat(e.header().typ()).isEqualTo(StationConfig.TYPE);
                assertThat(e.verify(bundle.hubKey())).as("config verifies with the hub key of the bundle").isTrue();
                StationConfig c = Json.read(e.payload(), StationConfig.class);
                assertThat(c.stationId()).isEqualTo(bundle.stationId());
                if (wanted.test(c)) {
                    found[0] = c;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }
}
