package co.rtm.profiles.exam.theory;

import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.profile.Profiles;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Theory exams drawn per second, single thread, for docs/benchmarks.md: each round opens a new room session
 * ({@link SessionDraws}, fresh seed) and issues seats 0, 1, 2, ... with the uniqueness check, for one second;
 * a 3-second warm-up, then the median of 5 rounds. Run: {@code mvn -o -q -pl station-profiles test-compile} then
 * {@code java -cp station-profiles/target/test-classes:station-profiles/target/classes:$(cat cp.txt) co.rtm.profiles.exam.theory.TheoryDrawSpeed}
 * where cp.txt comes from {@code mvn -o -q -pl station-profiles dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class TheoryDrawSpeed {
    private static final int ROUNDS = 5;

    public static void main(String[] args) {
        TheoryDrawer drawer = new TheoryDrawer(Profiles.builtIn("cale-theory").orElseThrow().theory(), QuestionBank.synthetic());
        SecureRandom random = new SecureRandom();
        LicenceCategory[] cats = LicenceCategory.values();
        round(drawer, random, cats, 3_000);
        double[] perSecond = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) perSecond[r] = round(drawer, random, cats, 1_000);
        double[] sorted = perSecond.clone();
        Arrays.sort(sorted);
        System.out.printf("TheoryDrawer: %d questions per exam, bank %s (%d questions); rounds %s; median of %d: %.0f exams drawn/s%n",
                drawer.blueprint().totalQuestions(), drawer.bank().ref(), drawer.bank().size(),
                Arrays.toString(Arrays.stream(perSecond).mapToLong(Math::round).toArray()), ROUNDS, sorted[ROUNDS / 2]);
    }

    /** Draws for {@code millis}; a new room session every 200 seats (a large room's day). */
    private static double round(TheoryDrawer drawer, SecureRandom random, LicenceCategory[] cats, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long t0 = System.nanoTime();
        long n = 0;
        SessionDraws session = new SessionDraws(drawer, TheoryDrawer.newSeed(random));
        long sink = 0;
        while (System.nanoTime() < end) {
            if (session.issued() == 200) session = new SessionDraws(drawer, TheoryDrawer.newSeed(random));
            sink += session.issue(session.nextSeat(), cats[(int) (n % cats.length)]).questions().size();
            n++;
        }
        if (sink == 42) System.out.print("");
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
