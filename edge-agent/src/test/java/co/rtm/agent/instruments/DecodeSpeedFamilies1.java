package co.rtm.agent.instruments;

import co.rtm.agent.instruments.brake.BrakeDecoder;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.agent.instruments.gas.GasDecoder;
import co.rtm.agent.instruments.opacity.OpacityDecoder;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Decoding speed of the brake, gas and opacity decoders: frames decoded per second, median of 5 runs over
 * {@value #FRAMES} realistic frames fed in 4 KiB reads (a serial driver's buffer), after one warm-up run.
 * Run: {@code java -cp <test classpath> co.rtm.agent.instruments.DecodeSpeedFamilies1}.
 */
public final class DecodeSpeedFamilies1 {

    static final int FRAMES = 300_000;
    static final int RUNS = 5;

    public static void main(String[] args) {
        Random r = new Random(42);
        report("brake (BF, 2 readings/frame)", BrakeDecoder::new, i -> String.format(Locale.ROOT,
                "BF,%d,S,%.1f,%.1f", 1 + i % 3, 1000 + r.nextDouble() * 2000, 1000 + r.nextDouble() * 2000));
        report("gas (GS)", GasDecoder::new, i -> String.format(Locale.ROOT, "GS,%d,%.2f,%.2f,%.2f,%d,%.1f",
                40 + r.nextInt(40), r.nextDouble(), 14 + r.nextDouble(), r.nextDouble(), 800 + r.nextInt(100),
                80 + r.nextDouble()));
        report("opacity (OT, PK every 60)", OpacityDecoder::new, i -> i % 60 == 59
                ? String.format(Locale.ROOT, "PK,%d,%d,%.2f", 1 + i / 180 % 3, 1 + i / 60 % 3, 1 + r.nextDouble())
                : String.format(Locale.ROOT, "OT,%.2f", r.nextDouble() * 3));
    }

    private static void report(String name, Supplier<FrameDecoder> decoder, IntFunction<String> payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < FRAMES; i++) {
            out.writeBytes(AsciiFrames.encode(payload.apply(i)));
        }
        byte[] stream = out.toByteArray();
        run(decoder.get(), stream); // warm-up
        double[] rates = new double[RUNS];
        for (int k = 0; k < RUNS; k++) {
            long t0 = System.nanoTime();
            long events = run(decoder.get(), stream);
            long ns = System.nanoTime() - t0;
            if (events < FRAMES) {
                throw new IllegalStateException(name + ": only " + events + " events from " + FRAMES + " frames");
            }
            rates[k] = FRAMES / (ns / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%-28s %,12.0f frames/s (median of %d runs of %,d frames, %,d bytes)%n",
                name, rates[RUNS / 2], RUNS, FRAMES, stream.length);
    }

    private static long run(FrameDecoder d, byte[] stream) {
        long[] events = {0};
        Instant at = Instant.EPOCH;
        for (int off = 0; off < stream.length; off += 4096) {
            d.feed(stream, off, Math.min(4096, stream.length - off), at, e -> {
                if (e instanceof Fault f) {
                    throw new IllegalStateException(f.detail());
                }
                events[0]++;
            });
        }
        return events[0];
    }
}
