package co.rtm.agent.lane;

import java.time.Duration;
import java.util.Optional;

/**
 * A lane's source of vehicles and their readings: one {@link LaneReading} per vehicle that went through the
 * lane. Read by one thread (the station workflow); {@link #close()} may be called from any thread and makes a
 * blocked {@link #next} return.
 */
public interface LaneFeed extends AutoCloseable {

    /**
     * The next vehicle's readings, waiting at most {@code timeout}; empty when none arrived in time (or the
     * feed was closed, or the thread was interrupted, whose flag is then kept set).
     *
     * @throws LaneFaultException when the lane sent something that is not a reading; that input has been
     *                            consumed, and the feed stays usable: call {@code next} again
     */
    Optional<LaneReading> next(Duration timeout) throws LaneFaultException;

    @Override
    void close();
}
