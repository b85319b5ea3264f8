package co.rtm.sim.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.rtm.agent.inspection.InstrumentedLaneFeed;
import co.rtm.agent.inspection.LaneDisplay;
import co.rtm.agent.inspection.LaneInstruments;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.agent.instruments.lane.EmergencyStop;
import co.rtm.agent.lane.LaneReading;
import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.sim.instruments.SimulatedDevice;
import co.rtm.sim.instruments.lights.LightsDevice;
import co.rtm.sim.instruments.lights.Play;
import co.rtm.sim.instruments.lights.Playback;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The simulated instrumented lane, through the agent's own instrument links, decoders and procedures. */
class InstrumentedLaneTest {
    @TempDir
    Path dir;

    static final Measurements.Lights LIGHTS = new Measurements.Lights(List.of(
            new Measurements.LowBeam("left", 12.5, 1.5), new Measurements.LowBeam("right", 11.0, 1.8)),
            OptionalDouble.of(80));

    @Test
    void anIdleInstrumentRefusesATestAndAnAnnouncedVehicleIsPlayedFromItsIdentityRequest() {
        VehicleDevices lights = new VehicleDevices(InstrumentKind.LIGHTS);
        List<InstrumentEvent> idle = Play.decode(lights, lights.onCommand(AsciiFrames.encode("?ID"), Play.T0));
        assertThat(idle).singleElement().isInstanceOfSatisfying(Fault.class,
                f -> assertThat(f.detail()).contains("no vehicle on the test bench"));

        lights.announce(() -> Optional.<SimulatedDevice>of(new LightsDevice(LIGHTS, Playback.exact(3))));
        assertThat(lights.waiting()).isEqualTo(1);
        assertThat(lights.tick(Play.T0)).isEmpty();      // nothing plays before the agent opens the test
        ByteArrayOutputStream oneWrite = new ByteArrayOutputStream();
        for (String c : new String[] {"?ID", "?LB,L", "?LB,R", "?SU"}) oneWrite.writeBytes(AsciiFrames.encode(c));
        List<InstrumentEvent> events = Play.decode(lights, lights.onCommand(oneWrite.toByteArray(), Play.T0));

        assertThat(lights.waiting()).isZero();
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isInstanceOf(Identified.class);
        assertThat(events.subList(1, 4)).extracting(e -> ((Reading) e).sample()).containsExactly(
                new Sample.LampReading("left", 12.5, 1.5), new Sample.LampReading("right", 11.0, 1.8),
                new Sample.LampSum(80));
    }

    @Test
    void aVehicleWithNothingToMeasureOnAnInstrumentGetsAnErrorAtOnce() {
        VehicleDevices sound = new VehicleDevices(InstrumentKind.SOUND);
        sound.announce(Optional::empty);
        List<InstrumentEvent> events = Play.decode(sound, sound.onCommand(AsciiFrames.encode("?ID"), Play.T0));
        assertThat(events).singleElement().isInstanceOfSatisfying(Fault.class,
                f -> assertThat(f.detail()).contains("test not performed"));
    }

    /** Real TCP device servers, the agent's instruments file, links, decoders, procedures and session. */
    @Test
    void theAgentMeasuresWhatTheLaneInstrumentsPlay() throws Exception {
        StationProfile profile = Profiles.builtIn("cda-motorcycle").orElseThrow();
        Path file = dir.resolve("instruments.yaml");
        Scorer scorer = Scorer.builtIn();
        try (InstrumentedLane lane = InstrumentedLane.start(profile, 11, Duration.ZERO)) {
            lane.writeInstruments(file, 120);
            String url = lane.receptionUrl();
            int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
            try (InstrumentedLaneFeed feed = new InstrumentedLaneFeed(new TcpLaneFeed("127.0.0.1", port),
                    LaneInstruments.open(file), profile, new ScoringInputReader(scorer.rules().catalogue()::contains),
                    new EmergencyStop(), LaneDisplay.logging(LoggerFactory.getLogger("lane")), Clock.systemUTC())) {
                for (int vehicle = 0; vehicle < 2; vehicle++) {
                    LaneReading r = feed.next(Duration.ofMinutes(3)).orElseThrow();
                    JsonNode doc = r.document();
                    String plate = doc.path("vehicle").path("plate").asText();
                    Measurements truth = lane.truth(plate).orElseThrow();
                    assertThat(doc.has("invalidTests")).as("invalid tests of %s: %s", plate, doc.path("invalidTests")).isFalse();
                    JsonNode m = doc.path("measurements");
                    assertThat(m.path("lights").path("lowBeams").get(0).path("intensityKlux").asDouble())
                            .isEqualTo(truth.lights().lowBeams().get(0).intensityKlux());
                    for (int i = 0; i < truth.tyres().treadDepthsMm().size(); i++) {
                        assertThat(m.path("tyres").path("treadDepthsMm").get(i).asDouble())
                                .isEqualTo(truth.tyres().treadDepthsMm().get(i));
                    }
                    for (int i = 0; i < truth.brakes().axles().size(); i++) {
                        Measurements.BrakeAxle a = truth.brakes().axles().get(i);
                        JsonNode axle = m.path("brakes").path("axles").get(i);
                        assertThat(axle.path("weightN").asDouble()).isCloseTo(a.weightN(), within(a.weightN() * 0.02));
                        assertThat(axle.path("serviceN").asDouble())
                                .isCloseTo(a.serviceN().orElseThrow(), within(a.serviceN().orElseThrow() * 0.05));
                    }
                    if (truth.gas() != null) {
                        assertThat(m.path("gas").path("idle").path("coPct").asDouble())
                                .isCloseTo(truth.gas().idle().coPct(), within(0.05));
                    }
                    if (truth.noise() != null) {
                        assertThat(m.path("noise").path("dBA").asDouble()).isEqualTo(truth.noise().dBA());
                    }
                    assertThat(r.evidence().path("instruments")).allSatisfy(u -> assertThat(u.path("serial").asText()).isNotEmpty());
                }
            }
        }
    }
}
