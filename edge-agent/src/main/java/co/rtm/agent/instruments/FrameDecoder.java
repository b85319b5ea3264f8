package co.rtm.agent.instruments;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns an instrument's byte stream into events. Pure: no I/O, no clock, no threads; bytes may arrive split
 * anywhere (partial reads) and the decoder keeps what it needs between calls. Garbage never becomes a reading:
 * it becomes a {@link Fault} and the decoder resynchronises on the next frame start.
 *
 * <p>One class per instrument protocol; supporting a new device means writing one of these.
 */
public interface FrameDecoder {

    InstrumentKind kind();

    /** Decode {@code len} bytes of {@code data} from {@code off}, received at {@code receivedAt}. */
    void feed(byte[] data, int off, int len, Instant receivedAt, Consumer<InstrumentEvent> out);

    /** The stream ended: report a partial frame left in the buffer, if any. */
    default void endOfStream(Instant at, Consumer<InstrumentEvent> out) {}
}
