package co.rtm.agent.login;

import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.StationEvent;

import java.util.function.Function;

/** Stores a station event durably in the outbox, signed, for the uplink to send (a {@code StationAgent}). */
@FunctionalInterface
public interface EventPublisher {

    /**
     * Builds the event from the header the outbox stamps and stores it; waits while the outbox is full.
     *
     * @return true once stored; false when the station stopped before it could be (nothing was stored)
     */
    boolean publish(Function<MessageHeader, StationEvent> event);
}
