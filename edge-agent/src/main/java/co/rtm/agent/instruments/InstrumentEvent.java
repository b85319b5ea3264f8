package co.rtm.agent.instruments;

import java.time.Instant;

/** What a driver emits: a typed reading, a fault, or the device's identity. Every event carries its time. */
public sealed interface InstrumentEvent permits Reading, Fault, Identified {

    /** When the event was observed (receipt time of the bytes that completed it). */
    Instant at();
}
