package co.rtm.sim.instruments.lights;

import co.rtm.agent.inspection.TestOutcome;
import co.rtm.agent.inspection.TestProcedure;
import co.rtm.agent.instruments.Decoders;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.sim.instruments.SimulatedDevice;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a simulated device's bytes, through the agent's decoder, into a procedure. */
public final class Play {

    /** 2026-11-20 10:00 in Bogota. */
    public static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");

    private Play() {}

    /** What a streamed device sends over {@code seconds}, ticked every 100 ms. */
    public static byte[] streamed(SimulatedDevice d, int seconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int ms = 0; ms <= seconds * 1000; ms += 100) {
            out.writeBytes(d.tick(T0.plus(Duration.ofMillis(ms))));
        }
        return out.toByteArray();
    }

    /** What a polled device answers to these commands, each sent as one frame. */
    public static byte[] polled(SimulatedDevice d, String... commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(d.tick(T0));
        for (String c : commands) {
            out.writeBytes(d.onCommand(AsciiFrames.encode(c), T0));
        }
        return out.toByteArray();
    }

    public static List<InstrumentEvent> decode(SimulatedDevice d, byte[] bytes) {
        FrameDecoder decoder = Decoders.forKind(d.kind());
        List<InstrumentEvent> events = new ArrayList<>();
        decoder.feed(bytes, 0, bytes.length, T0, events::add);
        decoder.endOfStream(T0, events::add);
        return events;
    }

    /** The procedure's outcome after every event of the bytes (null when it never finished). */
    public static <M> TestOutcome<M> outcome(TestProcedure<M> p, SimulatedDevice d, byte[] bytes) {
        for (InstrumentEvent e : decode(d, bytes)) {
            if (p.accept(e)) {
                return p.outcome();
            }
        }
        return null;
    }
}
