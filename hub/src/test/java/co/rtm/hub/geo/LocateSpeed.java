package co.rtm.hub.geo;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Load time and single-thread speed of {@link Municipalities}. Not a JMH benchmark: a quick check on the target
 * machine. Each speed is the median of 5 one-second rounds after a warm-up.
 *
 * <pre>java -cp ... co.rtm.hub.geo.LocateSpeed [warmupSeconds=2]</pre>
 */
public final class LocateSpeed {
    private static final int ROUNDS = 5;
    private static final int POINTS = 1 << 20;
    // department capitals (town centres), lat/lon
    private static final double[][] TOWNS = {
        {4.5981, -74.0758}, {6.2442, -75.5812}, {3.4516, -76.5320}, {-4.2153, -69.9406}, {10.9685, -74.7813},
        {10.3910, -75.4794}, {7.1193, -73.1227}, {1.2136, -77.2811}, {7.8939, -72.5078}, {11.2408, -74.1990},
        {4.1420, -73.6266}, {5.5353, -73.3678}, {5.0703, -75.5138}, {4.8133, -75.6961}, {4.5339, -75.6811},
        {4.4389, -75.2322}, {2.9273, -75.2819}, {2.4448, -76.6147}, {5.6947, -76.6611}, {8.7479, -75.8814},
        {9.3047, -75.3978}, {10.4631, -73.2532}, {11.5444, -72.9072}, {5.3378, -72.3959}, {7.0847, -70.7591},
        {1.6144, -75.6062}, {1.1522, -76.6470}, {2.5729, -72.6459}, {1.2538, -70.2345}, {6.1890, -67.4859},
        {3.8653, -67.9239}, {12.5836, -81.7112}};

    private LocateSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long t0 = System.nanoTime();
        Municipalities first = load();
        long firstLoad = System.nanoTime() - t0;
        long[] loads = new long[ROUNDS];
        long[] grids = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            Municipalities m = load();
            loads[i] = System.nanoTime() - t;
            t = System.nanoTime();
            new GridIndex(m.boundaries(), Municipalities.CELL_DEGREES);
            grids[i] = System.nanoTime() - t;
        }
        Municipalities co = Municipalities.colombia();
        System.out.printf("%d municipalities, grid %d cells of %.2f deg, %s %s, %d cores%n", first.all().size(),
                co.gridCells(), Municipalities.CELL_DEGREES, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf("load (parse + index) first in this JVM %.1f ms; then median of %d: %.1f ms, of which grid %.2f ms%n",
                firstLoad / 1e6, ROUNDS, median(loads) / 1e6, median(grids) / 1e6);

        Random random = new Random(42);
        double[] box = new double[POINTS * 2];
        double[] towns = new double[POINTS * 2];
        for (int i = 0; i < POINTS; i++) {
            box[2 * i] = -4.2196 + random.nextDouble() * (13.38582 + 4.2196);
            box[2 * i + 1] = -81.73562 + random.nextDouble() * (-66.85606 + 81.73562);
            double[] town = TOWNS[random.nextInt(TOWNS.length)];
            towns[2 * i] = town[0] + (random.nextDouble() - 0.5) * 0.1;       // within about 5.5 km
            towns[2 * i + 1] = town[1] + (random.nextDouble() - 0.5) * 0.1;
        }
        System.out.printf("share of box points inside a municipality: %.1f %%%n", 100.0 * hits(co, box) / POINTS);
        report("locate, uniform in Colombia's bounding box", lookups(co, box), warmupSeconds);
        report("locate, within 5 km of department capitals", lookups(co, towns), warmupSeconds);

        int[] idx = {0};
        List<String> codes = co.all().stream().map(Municipality::code).toList();
        report("distanceToBoundaryMetres, random municipality and town point", () -> {
            int i = idx[0]++ & (POINTS - 1);
            return co.distanceToBoundaryMetres(codes.get(i % codes.size()), towns[2 * i], towns[2 * i + 1]) > 0 ? 1 : 0;
        }, warmupSeconds);
        List<FixedCda> cdas = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            cdas.add(new FixedCda("CDA-" + i, towns[2 * i], towns[2 * i + 1]));
        }
        report("FiftyKmRule.check, 500 fixed CDAs, random municipality", () -> {
            int i = idx[0]++;
            return FiftyKmRule.check(co, codes.get(i % codes.size()), cdas) instanceof MobileLineEligibility.Allowed ? 1 : 0;
        }, warmupSeconds);
    }

    private static Municipalities load() throws Exception {
        try (InputStream in = LocateSpeed.class.getResourceAsStream(Municipalities.RESOURCE)) {
            return Municipalities.read(in);
        }
    }

    private static int hits(Municipalities co, double[] points) {
        int n = 0;
        for (int i = 0; i < points.length; i += 2) {
            n += co.locate(points[i], points[i + 1]).isPresent() ? 1 : 0;
        }
        return n;
    }

    private static IntSupplier lookups(Municipalities co, double[] points) {
        int[] i = {0};
        return () -> {
            int k = (i[0]++ & (POINTS - 1)) * 2;
            return co.locate(points[k], points[k + 1]).isPresent() ? 1 : 0;
        };
    }

    private static void report(String name, IntSupplier op, int warmupSeconds) {
        int[] sink = {0};
        runFor(op, warmupSeconds * 1_000_000_000L, sink);
        long[] perSecond = new long[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            perSecond[r] = runFor(op, 1_000_000_000L, sink);
        }
        System.out.printf("%-62s %,12d /s (runs %s) [%d]%n", name, median(perSecond), Arrays.toString(perSecond), sink[0] & 1);
    }

    private static long runFor(IntSupplier op, long nanos, int[] sink) {
        long start = System.nanoTime();
        long n = 0;
        long now;
        do {
            for (int i = 0; i < 256; i++) {
                sink[0] += op.getAsInt();
            }
            n += 256;
            now = System.nanoTime();
        } while (now - start < nanos);
        return n * 1_000_000_000L / (now - start);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
