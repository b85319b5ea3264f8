package co.rtm.agent.exam;

import co.rtm.profiles.exam.Identification;

/** The result of identifying a person at a CALE station. */
public sealed interface IdentityCheck {

    /** The capture matched the claimed document 1:1 and nobody else 1:N. */
    record Identified(Identification identification) implements IdentityCheck {}

    /** Refused, with the Spanish reason for the person and a detail for the log. */
    record Refused(StationRefusal refusal, String detail) implements IdentityCheck {}
}
