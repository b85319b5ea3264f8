package co.rtm.agent.exam;

import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.StationEvent;

import java.util.function.Function;

/** Stores signed exam results and station events durably for the uplink (the outbox, {@link OutboxExamPublisher}). */
public interface ExamPublisher {

    /** Builds the exam message from the stamped header and stores it; null when it could not be stored. */
    ExamMessage exam(Function<MessageHeader, ExamMessage> exam);

    /** Builds the event from the stamped header and stores it; false when it could not be stored. */
    boolean event(Function<MessageHeader, StationEvent> event);
}
