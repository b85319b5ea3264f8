package co.rtm.agent.instruments;

import java.time.Instant;
import java.util.Objects;

/** Something went wrong with the instrument or its wire; {@code detail} is shown to the technician as is. */
public record Fault(Instant at, FaultKind kind, String detail) implements InstrumentEvent {
    public Fault {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
