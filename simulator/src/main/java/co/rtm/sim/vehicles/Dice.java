package co.rtm.sim.vehicles;

import java.util.List;
import java.util.SplittableRandom;

/** The population's only source of randomness: one seeded stream, so a seed always yields the same documents. */
final class Dice {
    private final SplittableRandom random;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Uniform integer in [lo, hi], both ends included. */
    int between(int lo, int hi) {
        return random.nextInt(lo, hi + 1);
    }

    double normal(double mean, double sd) {
        return mean + sd * random.nextGaussian();
    }

    /** Exponentially distributed with this mean. */
    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    double sign() {
        return random.nextBoolean() ? 1 : -1;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of {@code values}, drawn with the matching relative {@code weights}. */
    <T> T weighted(List<T> values, double... weights) {
        if (values.size() != weights.length) throw new IllegalArgumentException("one weight per value");
        double total = 0;
        for (double w : weights) total += w;
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return values.get(i);
        }
        return values.get(values.size() - 1);
    }

    char letter() {
        return (char) ('A' + random.nextInt(26));
    }

    char digit() {
        return (char) ('0' + random.nextInt(10));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Rounds to {@code decimals} places, the way an instrument display would. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
