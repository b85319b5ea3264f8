package co.rtm.agent.instruments;

import java.time.Instant;
import java.util.Objects;

/** One typed value read from an instrument, stamped with the time its bytes arrived. */
public record Reading(Instant at, Sample sample) implements InstrumentEvent {
    public Reading {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sample, "sample");
    }
}
