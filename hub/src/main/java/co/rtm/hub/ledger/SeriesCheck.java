package co.rtm.hub.ledger;

import java.util.Arrays;

/**
 * Checks one number series against its counter, without I/O. A series whose counter's next value
 * is {@code N + 1} must hold exactly the numbers 1..N, each once.
 *
 * <ul>
 *   <li>gaps: numbers in 1..N that no result holds (issued and lost, or a counter bumped);</li>
 *   <li>duplicates: every extra holder of a number, plus every number outside 1..N (at or beyond
 *       the counter it will be issued again; below 1 it was never valid).</li>
 * </ul>
 */
public final class SeriesCheck {
    private SeriesCheck() {
    }

    public record Findings(long gaps, long duplicates) {
        public boolean clean() {
            return gaps == 0 && duplicates == 0;
        }
    }

    /**
     * @param numbers     the numbers stored for the series, in any order (not modified)
     * @param counterNext the counter's next value, or null if the counter row is missing
     */
    public static Findings check(long[] numbers, Long counterNext) {
        long n = counterNext == null ? 0 : Math.max(0, counterNext - 1);
        long[] sorted = numbers.clone();
        Arrays.sort(sorted);
        long present = 0;
        long duplicates = 0;
        long previous = Long.MIN_VALUE;
        for (long x : sorted) {
            if (x < 1 || x > n) {
                duplicates++;
            } else if (x == previous) {
                duplicates++;
            } else {
                present++;
            }
            previous = x;
        }
        return new Findings(n - present, duplicates);
    }
}
