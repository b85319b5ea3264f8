package co.rtm.sim.demo;

import co.rtm.agent.inspection.InstrumentedLaneFeed;
import co.rtm.agent.inspection.LaneDisplay;
import co.rtm.agent.inspection.LaneInstruments;
import co.rtm.agent.instruments.lane.EmergencyStop;
import co.rtm.agent.lane.LaneFeed;
import co.rtm.agent.lane.TcpLaneFeed;
import co.rtm.agent.station.BundleException;
import co.rtm.agent.station.StationAgent;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.sim.lane.InstrumentedLane;
import co.rtm.sim.lane.LaneDevice;
import co.rtm.sim.lane.LaneVehicles;
import co.rtm.sim.lane.SimulatedLane;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Starts a demo lane: the simulated lane and the agent in this process, as {@code run} would wire them. */
final class DemoLanes {
    /** A test the instruments cannot finish in this long is invalid (the gas and opacity sequences take ~1 min). */
    private static final int TEST_DEADLINE_SECONDS = 120;

    /** The technician's prompts stay quiet in the demo: its output is the progress lines. */
    private static final LaneDisplay QUIET = new LaneDisplay() {
        @Override
        public void prompt(String plate, TestKind test, String text) {}

        @Override
        public void finished(String plate, TestKind test, String outcome) {}
    };

    private DemoLanes() {}

    static DemoLane start(String centerId, String stationId, String profileId, boolean instrumented, StationBundle bundle,
                          Path stationDir, long seed, Duration interval) throws IOException, BundleException {
        StationProfile profile = Profiles.builtIn(profileId).orElseThrow();
        SimulatedLane lane;
        LaneFeed feed;
        if (instrumented) {
            InstrumentedLane sim = InstrumentedLane.start(profile, seed, interval);
            Path file = stationDir.resolve("instruments.yaml");
            sim.writeInstruments(file, TEST_DEADLINE_SECONDS);
            Scorer scorer = Scorer.builtIn();
            lane = sim;
            feed = new InstrumentedLaneFeed(new TcpLaneFeed("127.0.0.1", sim.port()), LaneInstruments.open(file), profile,
                    new ScoringInputReader(scorer.rules().catalogue()::contains), new EmergencyStop(), QUIET, Clock.systemUTC());
        } else {
            lane = LaneDevice.start(new LaneVehicles(seed, profile), interval);
            feed = new TcpLaneFeed("127.0.0.1", lane.port());
        }
        try {
            return new DemoLane(centerId, stationId, profileId, lane, StationAgent.start(bundle, stationDir, feed), instrumented);
        } catch (BundleException | RuntimeException e) {
            feed.close();
            lane.close();
            throw e;
        }
    }
}
