package co.rtm.agent.instruments.gps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Decoding speed of {@link NmeaDecoder} for docs/benchmarks.md: the test captures concatenated to about
 * 16 MiB, fed in 4 KiB reads as a serial driver would, five runs after a warm-up; prints the median.
 * Run: {@code mvn -o -q -pl edge-agent test-compile} then
 * {@code java -cp edge-agent/target/test-classes:edge-agent/target/classes co.rtm.agent.instruments.gps.NmeaDecodeSpeed}.
 */
public final class NmeaDecodeSpeed {

    public static void main(String[] args) throws IOException {
        int targetBytes = args.length > 0 ? Integer.parseInt(args[0]) : 16 << 20;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<String> names = List.of("gp-320fw-2019-04-06-overflow.log", "neo-m8n.log", "beidou-gb.log",
                "mtk-3301.log", "sirfstarv-nmea.log");
        while (all.size() < targetBytes) {
            for (String name : names) {
                all.writeBytes(capture(name));
            }
        }
        byte[] stream = all.toByteArray();
        run(stream); // warm-up
        int runs = 5;
        double[] fixesPerS = new double[runs];
        double[] sentencesPerS = new double[runs];
        long fixes = 0;
        long sentences = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            NmeaDecoder d = run(stream);
            double s = (System.nanoTime() - t0) / 1e9;
            fixes = d.fixes();
            sentences = d.sentences();
            fixesPerS[r] = fixes / s;
            sentencesPerS[r] = sentences / s;
        }
        Arrays.sort(fixesPerS);
        Arrays.sort(sentencesPerS);
        System.out.printf("NmeaDecoder: %.1f MiB, %d sentences, %d fixes per run; median of %d runs: "
                        + "%.0f sentences/s, %.0f fixes/s, %.1f MiB/s%n",
                stream.length / 1048576.0, sentences, fixes, runs, sentencesPerS[runs / 2], fixesPerS[runs / 2],
                sentencesPerS[runs / 2] / sentences * stream.length / 1048576.0);
    }

    /** The capture without its {@code #} comment lines (same as the tests feed). */
    private static byte[] capture(String name) throws IOException {
        try (InputStream in = NmeaDecodeSpeed.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            StringBuilder kept = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("(?<=\n)")) {
                if (!line.startsWith("#")) {
                    kept.append(line);
                }
            }
            return kept.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static NmeaDecoder run(byte[] stream) {
        NmeaDecoder d = new NmeaDecoder();
        long[] events = new long[1];
        Instant at = Instant.EPOCH;
        for (int off = 0; off < stream.length; off += 4096) {
            d.feed(stream, off, Math.min(4096, stream.length - off), at, e -> events[0]++);
        }
        d.endOfStream(at, e -> events[0]++);
        if (events[0] == 0) {
            throw new IllegalStateException("nothing decoded");
        }
        return d;
    }
}
