package co.rtm.agent.instruments.runtime;

import co.rtm.agent.instruments.Sample;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts identical samples in a row, per channel, and says when a run first grows past the limit. A channel is
 * the sample's type and its labels (String, enum and int components: axle, wheel, side...), so the interleaved
 * left and right wheels of a brake stream are counted apart; the value compared is the whole sample (equals).
 * Pure, single-threaded.
 */
final class StuckDetector {

    private record Run(Sample last, int count) {}

    private final int limit;
    private final Map<List<Object>, Run> runs = new HashMap<>();

    /** @param limit repeats allowed in a row; 0 turns detection off */
    StuckDetector(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("stuck limit must be >= 0, was " + limit);
        }
        this.limit = limit;
    }

    /** @return true once, on the sample that makes the same value repeat more than {@code limit} times */
    boolean stuck(Sample sample) {
        if (limit == 0) {
            return false;
        }
        List<Object> channel = channel(sample);
        Run run = runs.get(channel);
        int count = run != null && run.last.equals(sample) ? run.count + 1 : 0;
        runs.put(channel, new Run(sample, count));
        return count == limit + 1;
    }

    static List<Object> channel(Sample sample) {
        List<Object> key = new ArrayList<>();
        key.add(sample.getClass());
        RecordComponent[] components = sample.getClass().getRecordComponents();
        if (components == null) {
            return key;
        }
        for (RecordComponent c : components) {
            Class<?> t = c.getType();
            if (t == String.class || t.isEnum() || t == int.class) {
                try {
                    key.add(c.getAccessor().invoke(sample));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + sample, e);
                }
            }
        }
        return key;
    }
}
