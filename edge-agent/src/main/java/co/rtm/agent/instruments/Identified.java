package co.rtm.agent.instruments;

import java.time.Instant;
import java.util.Objects;

/** The instrument announced (or answered with) its identity and verification dates. */
public record Identified(Instant at, DeviceIdentity identity) implements InstrumentEvent {
    public Identified {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(identity, "identity");
    }
}
