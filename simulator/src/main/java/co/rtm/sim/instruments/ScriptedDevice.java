package co.rtm.sim.instruments;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.frame.AsciiFrameReader;
import co.rtm.agent.instruments.frame.AsciiFrames;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the streamed lane devices that play one vehicle's test as a timed script of frames: on the first
 * {@link #tick} the subclass writes its script ({@link #build}, with {@link #emit} at the cursor {@link #t} or
 * {@link #at} a given time), and each tick sends the frames that are due. Commands arrive as frames of the shared
 * lane protocol and are answered by {@link #answer}; a garbled command is ignored, as real devices do.
 */
public abstract class ScriptedDevice implements SimulatedDevice {
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private record Frame(long atMs, byte[] bytes) {}

    private final AsciiFrameReader commands = new AsciiFrameReader();
    private final List<Frame> script = new ArrayList<>();
    private Instant start;
    private int next;
    /** The script cursor, in milliseconds from the first tick. */
    protected long t;

    /** Writes the whole script; called once, at the first tick ({@link #start()} is then known). */
    protected abstract void build();

    /** The reply to one command payload (e.g. {@code ?ID}). */
    protected abstract byte[] answer(String payload, Instant at);

    /** When the script started playing (the first tick). */
    protected final Instant start() {
        return start;
    }

    /** Adds a frame at the cursor. */
    protected final void emit(byte[] frame) {
        script.add(new Frame(t, frame));
    }

    /** Adds a frame at {@code ms} from the start. */
    protected final void at(long ms, byte[] frame) {
        script.add(new Frame(ms, frame));
    }

    /** The {@code ID} record of a simulated device, verified 120 days ago, or 400 when {@code expired}. */
    protected static byte[] identityFrame(Instant at, String model, String serial, String firmware, boolean expired) {
        LocalDate verified = LocalDate.ofInstant(at, BOGOTA).minusDays(expired ? 400 : 120);
        return AsciiFrames.encode("ID", "RTM-Sim", model, serial, firmware, verified, verified.plusDays(365));
    }

    @Override
    public final byte[] tick(Instant now) {
        if (start == null) {
            start = now;
            build();
        }
        long elapsed = now.toEpochMilli() - start.toEpochMilli();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (next < script.size() && script.get(next).atMs() <= elapsed) {
            out.writeBytes(script.get(next++).bytes());
        }
        return out.toByteArray();
    }

    /** Whether the whole script has been played. */
    @Override
    public final boolean finished() {
        return start != null && next == script.size();
    }

    @Override
    public final byte[] onCommand(byte[] command, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        commands.feed(command, 0, command.length, now, new AsciiFrameReader.Listener() {
            @Override
            public void payload(String payload, Instant at) {
                out.writeBytes(answer(payload, at));
            }

            @Override
            public void fault(Fault fault) {
                // a garbled command is ignored, as the real device does
            }
        });
        return out.toByteArray();
    }
}
