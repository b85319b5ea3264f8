package co.rtm.sim.instruments.serve;

import co.rtm.agent.instruments.ByteLink;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers shared by the server tests. */
final class Wire {

    private Wire() {}

    /** Read whole lines from {@code link} until {@code count} of them arrived (or 10 s passed). */
    static List<String> lines(ByteLink link, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder partial = new StringBuilder();
        byte[] buf = new byte[256];
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (lines.size() < count && System.nanoTime() < deadline) {
            int n = link.read(buf, Duration.ofMillis(100));
            Assertions.assertTrue(n >= 0, "link ended: " + link.describe());
            for (char c : new String(buf, 0, n, StandardCharsets.ISO_8859_1).toCharArray()) {
                if (c == '\n') {
                    lines.add(partial.toString());
                    partial.setLength(0);
                } else {
                    partial.append(c);
                }
            }
        }
        return lines;
    }

    /** The counter values of the V lines, in arrival order. */
    static List<Integer> counts(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("V,")).map(l -> Integer.parseInt(l.substring(2)))
                .collect(Collectors.toList());
    }

    static List<Double> readings(List<InstrumentEvent> events) {
        return events.stream().filter(e -> e instanceof Reading)
                .map(e -> ((Sample.SoundLevel) ((Reading) e).sample()).dBA()).collect(Collectors.toList());
    }

    static long faults(List<InstrumentEvent> events, FaultKind kind) {
        return events.stream().filter(e -> e instanceof Fault f && f.kind() == kind).count();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Skip when socat is missing, unless CI=true: then fail. */
    static void requireSocat() {
        if (!Files.isExecutable(Path.of("/usr/bin/socat"))) {
            String msg = "socat is not installed (/usr/bin/socat): the pty tests need it (apt-get install socat)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(msg);
            }
            Assumptions.abort(msg);
        }
    }
}
