package co.rtm.sim.demo;

import co.rtm.agent.station.StationAgent;
import co.rtm.sim.lane.LaneDevice;

/** One demo lane: its centre, its profile, the simulated device and the agent reading it. */
record DemoLane(String centerId, String stationId, String profileId, LaneDevice device, StationAgent agent) {
}
