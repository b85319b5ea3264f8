package co.rtm.profiles.exam.theory;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a tiny generator whose output is fixed by its published algorithm, so a
 * draw made on a station is re-made bit for bit on the hub whatever the JVM (unlike SplittableRandom, whose
 * algorithm the JDK does not promise). Not for secrets; the draw seed is what is unpredictable.
 */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) { this.state = seed; }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound), without modulo bias (the rejection of java.util.Random#nextInt, on 63 bits). */
    int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        long r = nextLong() >>> 1;
        long m = r % bound;
        while (r - m + (bound - 1) < 0) {
            r = nextLong() >>> 1;
            m = r % bound;
        }
        return (int) m;
    }
}
