package co.rtm.hub.exam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How many theory exams run at once at a CALE (DESIGN §4: no more at once than its theory stations). Exams are
 * reported after they close, possibly out of order, so an exam is judged against every accepted exam overlapping it:
 * the most exams in progress at any instant of its interval, itself included. Intervals are half-open
 * [started, closed): one that closes when another starts does not overlap it.
 */
public final class TheoryCapacity {
    private TheoryCapacity() {
    }

    /** An exam's time at the CALE. */
    public record Interval(Instant started, Instant closed) {
        public Interval {
            if (closed.isBefore(started)) {
                throw new IllegalArgumentException("closed before started");
            }
        }

        boolean overlaps(Interval o) {
            return started.isBefore(o.closed) && o.started.isBefore(closed);
        }
    }

    /** The highest number of exams in progress at one instant of {@code mine}, counting {@code mine}. */
    public static int peak(Interval mine, List<Interval> accepted) {
        List<Interval> overlapping = new ArrayList<>();
        for (Interval i : accepted) {
            if (i.overlaps(mine)) {
                overlapping.add(i);
            }
        }
        // the peak is reached at a start: mine's, or the start of an overlapping one inside mine
        int peak = 0;
        List<Instant> probes = new ArrayList<>();
        probes.add(mine.started);
        for (Interval i : overlapping) {
            if (i.started.isAfter(mine.started)) {
                probes.add(i.started);
            }
        }
        for (Instant t : probes) {
            int running = 1;
            for (Interval i : overlapping) {
                if (!i.started.isAfter(t) && i.closed.isAfter(t)) {
                    running++;
                }
            }
            peak = Math.max(peak, running);
        }
        return peak;
    }
}
