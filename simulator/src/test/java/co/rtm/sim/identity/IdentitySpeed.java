package co.rtm.sim.identity;

import co.rtm.agent.identity.Candidate;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.identity.Verification;
import co.rtm.sim.instruments.fingerprint.SyntheticCaptures;
import com.machinezoo.sourceafis.FingerprintTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Biometric identity figures for docs/benchmarks.md, on a replica of N synthetic persons (default 10,000), cached in
 * a SQLite file so the slow part, extracting N templates from images, is paid once (its rate is printed when it runs):
 * <ol>
 *   <li>opening the replica: reading and deserializing every template;</li>
 *   <li>1:1 verification of a genuine PNG capture, extraction included (decode, SourceAFIS extraction, one match),
 *       median and p95 over {@code verifications} (default 200), after 20 warm-up ones;</li>
 *   <li>genuine-accept, false-accept and low-quality rates: the same number of impostor and of low-quality (corner
 *       crop) captures, and of noisy ones;</li>
 *   <li>1:N matches per second: one probe against all N templates, median of {@code runs} (default 7) probes, each a
 *       genuine capture whose own document must come back first; the impostor comparisons of those searches give a
 *       false match rate over many pairs.</li>
 * </ol>
 * Run: {@code mvn -o -q -pl simulator -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/id-cp.txt
 * -Dmdep.includeScope=test}, then {@code java -cp "simulator/target/test-classes:simulator/target/classes:$(cat
 * /tmp/id-cp.txt)" co.rtm.sim.identity.IdentitySpeed [persons [registryFile [verifications [runs]]]]} (see
 * docs/benchmarks.md).
 */
public final class IdentitySpeed {

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path file = Path.of(args.length > 1 ? args[1] : "simulator/target/identity-registry-" + persons + ".db");
        int verifications = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        int threads = Runtime.getRuntime().availableProcessors();

        boolean cached = Files.exists(file);
        try (CivilRegistryReplica replica = CivilRegistryReplica.open(file)) {
            if (replica.size() < persons) {
                long t0 = System.nanoTime();
                int made = SyntheticRegistry.fill(replica, 1, persons, threads);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("generated %d templates from images in %.1f s on %d threads: %.1f templates/s%n",
                        made, s, threads, made / s);
            }
        }
        long t0 = System.nanoTime();
        CivilRegistryReplica replica = CivilRegistryReplica.open(file);
        System.out.printf("opened %s (%s) with %,d templates in %.2f s%n", file, cached ? "cached" : "new",
                replica.size(), (System.nanoTime() - t0) / 1e9);

        Random pick = new Random(42);
        long[] who = new long[verifications];
        for (int i = 0; i < verifications; i++) {
            who[i] = 1 + pick.nextInt(persons);
        }
        // warm-up: JIT the extractor and matcher
        for (int i = 0; i < 20; i++) {
            replica.verifyImage(SyntheticRegistry.document(who[i]), SyntheticCaptures.genuine(who[i], 100 + i), 500);
        }

        long[] nanos = new long[verifications];
        int genuineAccepted = 0;
        double lowestGenuine = Double.MAX_VALUE;
        for (int i = 0; i < verifications; i++) {
            byte[] png = SyntheticCaptures.genuine(who[i], 1 + i % 5);
            long s = System.nanoTime();
            Verification v = replica.verifyImage(SyntheticRegistry.document(who[i]), png, 500);
            nanos[i] = System.nanoTime() - s;
            if (v instanceof Verification.Match m) {
                genuineAccepted++;
                lowestGenuine = Math.min(lowestGenuine, m.score());
            } else if (v instanceof Verification.NoMatch n) {
                lowestGenuine = Math.min(lowestGenuine, n.score());
            }
        }
        Arrays.sort(nanos);
        System.out.printf("1:1 verify with extraction (PNG 300x400 @500 dpi), %d captures: median %.1f ms, p95 %.1f ms%n",
                verifications, nanos[verifications / 2] / 1e6, nanos[(int) Math.ceil(verifications * 0.95) - 1] / 1e6);

        int impostorAccepted = 0;
        double highestImpostor = 0;
        int lowQuality = 0;
        int noisyAccepted = 0;
        for (int i = 0; i < verifications; i++) {
            var claimed = SyntheticRegistry.document(who[i]);
            Verification v = replica.verifyImage(claimed, SyntheticCaptures.impostor(who[i], i), 500);
            if (v instanceof Verification.Match m) {
                impostorAccepted++;
                highestImpostor = Math.max(highestImpostor, m.score());
            } else if (v instanceof Verification.NoMatch n) {
                highestImpostor = Math.max(highestImpostor, n.score());
            }
            if (replica.verifyImage(claimed, SyntheticCaptures.lowQuality(who[i], i), 500)
                    instanceof Verification.LowQuality) {
                lowQuality++;
            }
            if (replica.verifyImage(claimed, SyntheticCaptures.noisy(who[i], i), 500) instanceof Verification.Match) {
                noisyAccepted++;
            }
        }
        System.out.printf("genuine accepted %d/%d (GAR %.1f %%, lowest genuine score %.1f); impostors accepted %d/%d "
                        + "(FAR %.2f %%, highest impostor score %.1f); corner crops LOW_QUALITY %d/%d; heavy-noise "
                        + "captures accepted %d/%d; threshold %.0f%n",
                genuineAccepted, verifications, 100.0 * genuineAccepted / verifications, lowestGenuine,
                impostorAccepted, verifications, 100.0 * impostorAccepted / verifications, highestImpostor,
                lowQuality, verifications, noisyAccepted, verifications, replica.threshold());

        List<Double> rates = new ArrayList<>();
        long falseHits = 0;
        long impostorPairs = 0;
        int foundFirst = 0;
        replica.search(replica.captures().fromImage(SyntheticCaptures.genuine(who[0], 900), 500)); // warm-up
        for (int r = 0; r < runs; r++) {
            long person = who[r + 1];
            FingerprintTemplate probe = replica.captures().fromImage(SyntheticCaptures.genuine(person, 1000 + r), 500);
            long s = System.nanoTime();
            List<Candidate> hits = replica.search(probe);
            double secs = (System.nanoTime() - s) / 1e9;
            rates.add(replica.size() / secs);
            if (!hits.isEmpty() && hits.get(0).document().equals(SyntheticRegistry.document(person))) {
                foundFirst++;
            }
            falseHits += hits.stream().filter(h -> !h.document().equals(SyntheticRegistry.document(person))).count();
            impostorPairs += replica.size() - 1;
            System.out.printf("  1:N run %d: %,d templates in %.3f s = %,.0f matches/s, %d hit(s)%n", r + 1,
                    replica.size(), secs, replica.size() / secs, hits.size());
        }
        rates.sort(null);
        System.out.printf("1:N against %,d templates, one thread: median %,.0f matches/s (%.2f s a search) over %d runs; "
                        + "own document first %d/%d; false hits %d in %,d impostor pairs%n",
                replica.size(), rates.get(runs / 2), replica.size() / rates.get(runs / 2), runs, foundFirst, runs,
                falseHits, impostorPairs);
        replica.close();
    }
}
