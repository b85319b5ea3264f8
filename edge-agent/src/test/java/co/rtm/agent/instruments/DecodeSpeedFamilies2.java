package co.rtm.agent.instruments;

import co.rtm.agent.instruments.frame.AsciiFrames;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Frames decoded per second by the lights, suspension, sideslip, tread and sound decoders (median of 5 runs,
 * after a warm-up), fed in 4 KiB chunks as a serial read would deliver them. Run with
 * {@code java -cp edge-agent/target/classes:edge-agent/target/test-classes:<deps> co.rtm.agent.instruments.DecodeSpeedFamilies2}.
 */
public final class DecodeSpeedFamilies2 {

    private static final int FRAMES = 200_000;

    public static void main(String[] args) {
        Map<InstrumentKind, List<String>> payloads = new java.util.LinkedHashMap<>();
        payloads.put(InstrumentKind.LIGHTS, List.of("LB,L,24.50,1.20", "LB,R,23.10,1.35", "SU,95.2"));
        payloads.put(InstrumentKind.SUSPENSION, List.of("EU,FL,62.0", "EU,FR,58.5", "EU,RL,71.2", "EU,RR,69.9"));
        payloads.put(InstrumentKind.SIDESLIP, List.of("SS,1,+4.0", "SS,2,-2.5"));
        payloads.put(InstrumentKind.TREAD, List.of("TD,FL,3.10", "TD,FR,3.05", "TD,RL,2.80", "TD,RR,2.95"));
        payloads.put(InstrumentKind.SOUND, List.of("SL,81.2,A", "SL,82.0,A", "SL,81.6,A"));
        System.out.printf(Locale.ROOT, "%-11s %14s%n", "decoder", "frames/s");
        payloads.forEach((kind, list) -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int i = 0; i < FRAMES; i++) {
                b.writeBytes(AsciiFrames.encode(list.get(i % list.size())));
            }
            byte[] bytes = b.toByteArray();
            run(kind, bytes); // warm-up
            run(kind, bytes);
            double[] rates = new double[5];
            for (int r = 0; r < 5; r++) {
                rates[r] = run(kind, bytes);
            }
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "%-11s %14.0f%n", kind.json(), rates[2]);
        });
    }

    private static double run(InstrumentKind kind, byte[] bytes) {
        FrameDecoder d = Decoders.forKind(kind);
        long[] readings = {0};
        Consumer<InstrumentEvent> out = e -> {
            if (e instanceof Reading) {
                readings[0]++;
            }
        };
        Instant at = Instant.EPOCH;
        long t = System.nanoTime();
        for (int off = 0; off < bytes.length; off += 4096) {
            d.feed(bytes, off, Math.min(4096, bytes.length - off), at, out);
        }
        d.endOfStream(at, out);
        double s = (System.nanoTime() - t) / 1e9;
        if (readings[0] != FRAMES) {
            throw new IllegalStateException(kind + ": " + readings[0] + " readings for " + FRAMES + " frames");
        }
        return FRAMES / s;
    }
}
