package co.rtm.sim.lane;

import java.io.IOException;

/** A simulated lane an agent reads vehicles from over loopback TCP: whole documents, or a lane with instruments. */
public interface SimulatedLane extends AutoCloseable {

    /** The loopback port of the lane's vehicle feed ({@code run --lane tcp://127.0.0.1:PORT}). */
    int port();

    /** Stops sending vehicles (the lane closes for the day) without dropping the agent's connections. */
    void pause(boolean paused);

    @Override
    void close() throws IOException;
}
