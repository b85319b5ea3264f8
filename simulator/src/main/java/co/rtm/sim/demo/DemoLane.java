package co.rtm.sim.demo;

import co.rtm.agent.station.StationAgent;
import co.rtm.sim.lane.SimulatedLane;

/**
 * One demo lane: its centre, its profile, the simulated lane and the agent reading it; {@code instrumented} when
 * the agent reads every measurement from simulated instruments rather than whole documents.
 */
record DemoLane(String centerId, String stationId, String profileId, SimulatedLane device, StationAgent agent,
                boolean instrumented) {
}
