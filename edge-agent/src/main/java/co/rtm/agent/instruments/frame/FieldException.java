package co.rtm.agent.instruments.frame;

import co.rtm.agent.instruments.FaultKind;

/** A frame field that cannot become a value; carries the fault kind to report. */
public final class FieldException extends RuntimeException {

    private final FaultKind kind;

    public FieldException(FaultKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public FaultKind kind() { return kind; }
}
