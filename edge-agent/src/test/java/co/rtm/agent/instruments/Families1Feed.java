package co.rtm.agent.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** Test helper for the brake, gas and opacity decoders: feeds captured streams and renders events as text. */
public final class Families1Feed {

    public static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");

    private Families1Feed() {}

    /** The bytes of a test resource next to {@code anchor}'s package. */
    public static byte[] resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name + " next to " + anchor.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds {@code data} in chunks of {@code chunk} bytes (the last may be shorter), then ends the stream. */
    public static List<InstrumentEvent> feed(FrameDecoder d, byte[] data, int chunk) {
        List<InstrumentEvent> out = new ArrayList<>();
        for (int off = 0; off < data.length; off += chunk) {
            d.feed(data, off, Math.min(chunk, data.length - off), T0, out::add);
        }
        d.endOfStream(T0, out::add);
        return out;
    }

    /** One line per event: the sample record, {@code FAULT KIND: detail}, or {@code ID vendor/model/serial ...}. */
    public static List<String> render(List<InstrumentEvent> events) {
        return events.stream().map(Families1Feed::render).toList();
    }

    public static String render(InstrumentEvent e) {
        if (e instanceof Reading r) {
            return r.sample().toString();
        }
        if (e instanceof Fault f) {
            return "FAULT " + f.kind() + ": " + f.detail();
        }
        DeviceIdentity i = ((Identified) e).identity();
        return "ID " + i.vendor() + "/" + i.model() + "/" + i.serial() + "/" + i.firmware() + " " + i.verifiedOn()
                + ".." + i.verificationDue();
    }

    /** Seeded random bytes. */
    public static byte[] garbage(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Readings produced from {@code data} fed whole to a fresh decoder. */
    public static long readings(Supplier<? extends FrameDecoder> decoder, byte[] data) {
        return feed(decoder.get(), data, data.length).stream().filter(e -> e instanceof Reading).count();
    }
}
