package co.rtm.agent.exam;

import co.rtm.profiles.wire.ExamMessage;

/** How one candidate's turn at a station ended. */
public sealed interface ExamOutcome {

    /** A step was refused (identification, closing, a reporter); nothing was scored. */
    record Refused(StationRefusal refusal, String detail) implements ExamOutcome {}

    /** The exam was suspended and waits for a new identification. */
    record Suspended(String reason) implements ExamOutcome {}

    /** Closed, scored, signed and stored in the outbox as {@code message}. */
    record Closed(ExamMessage message) implements ExamOutcome {}
}
