package co.rtm.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.limits.StationLimits;
import co.rtm.agent.station.StationAgent;
import co.rtm.hub.HubConfig;
import co.rtm.hub.HubServer;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.lane.LaneDevice;
import co.rtm.sim.lane.LaneVehicles;

/** Hub and agent: the centre's hours changed in the registry reach the lane, which holds, and resumes when they open. */
class StationConfigE2ETest {
    @TempDir
    Path dir;

    @Test
    void theLaneHoldsWhenTheRegistryClosesTheCentreAndResumesWhenItOpens() throws Exception {
        Path hubDir = dir.resolve("hub");
        HubHome.init(hubDir);
        try (HubServer hub = HubServer.start(HubConfig.embedded(hubDir, 0));
             LaneDevice device = LaneDevice.start(new LaneVehicles(11, Profiles.builtIn("cda-light").orElseThrow()),
                     Duration.ofMillis(200))) {
            StationBundle bundle = hub.provision("CDA-HRS", "hrs-1", "cda-light");
            Path data = dir.resolve("station");
            try (StationAgent agent = StationAgent.start(bundle, data, new TcpLaneFeed("127.0.0.1", device.port()))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> agent.stats().acked() >= 2);
                assertThat(agent.stats().waiting()).isNull();

                // open one hour a day, twelve hours away from now (and from the lane's start times)
                int from = (ZonedDateTime.now(OpeningHours.BOGOTA).getHour() + 12) % 24;
                String hours = String.format("mon-sun %02d:00-%02d:00", from, from + 1);
                hub.registry().updateCenterRules("CDA-HRS", r -> r.withHours(OpeningHours.parse(hours)));

                await().atMost(Duration.ofSeconds(15)).until(() -> agent.stats().waiting() != null
                        && agent.stats().waiting().startsWith("Fuera del horario"));
                assertThat(agent.stats().waiting()).contains(String.format("a las %02d:00", from));
                // results stored before the config arrived may still be refused by the hub (it judges them on the
                // hours registered when they arrive); after that, nothing new is started, so nothing more is refused
                await().atMost(Duration.ofSeconds(15)).until(() -> agent.outboxPending() == 0);
                long read = agent.stats().read();
                long refused = agent.stats().rejectedByHub();
                long accepted = hub.counters().accepted();
                Thread.sleep(2_000);
                assertThat(agent.stats().read()).as("no vehicle taken while held").isEqualTo(read);
                assertThat(agent.stats().rejectedByHub()).isEqualTo(refused);
                assertThat(hub.counters().accepted()).isEqualTo(accepted);

                hub.registry().updateCenterRules("CDA-HRS", r -> r.withHours(null));
                await().atMost(Duration.ofSeconds(30)).until(() -> agent.stats().waiting() == null
                        && hub.counters().accepted() > accepted + 1);
                assertThat(agent.stats().rejectedByHub()).isEqualTo(refused);
            }

            // the agent kept the config: restarted, it knows the limits before it reaches the hub
            hub.registry().setCapacityPerHour("hrs-1", 7);
            await().atMost(Duration.ofSeconds(10)).until(() -> StationLimits.open(data, bundle.hubKey(), "CDA-HRS", "hrs-1")
                    .current().map(c -> c.capacityPerHour() == null).orElse(false));
        }
    }
}
