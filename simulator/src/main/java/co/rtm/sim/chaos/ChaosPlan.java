package co.rtm.sim.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults of one chaos run, drawn from a seed (same seed, same plan): one fault at a time, each with how long
 * its victim stays down, separated by a random calm. Pure: no process is touched here.
 */
record ChaosPlan(List<Fault> faults) {

    enum Kind { KILL_HUB, HALT_HUB_AFTER_COMMIT, KILL_AGENT, KILL_BROKER, FLOOD }

    /** @param target hub or agent index (ignored for the broker) */
    record Fault(long atMs, Kind kind, int target, long downMs) {}

    static ChaosPlan draw(long seed, long durationMs, int hubs, int agents) {
        Random r = new Random(seed);
        List<Fault> out = new ArrayList<>();
        Kind[] kinds = Kind.values();
        long t = 2_000 + r.nextInt(2_000);
        int i = 0;
        while (t < durationMs) {
            // the first five faults cover every kind once, in a seeded order; then any kind
            Kind kind = i < kinds.length ? kinds[(int) ((seed + i) % kinds.length + kinds.length) % kinds.length] : kinds[r.nextInt(kinds.length)];
            int target = switch (kind) {
                case KILL_HUB, HALT_HUB_AFTER_COMMIT -> r.nextInt(hubs);
                case KILL_AGENT, FLOOD -> r.nextInt(agents);
                case KILL_BROKER -> 0;
            };
            long down = switch (kind) {
                case KILL_HUB, HALT_HUB_AFTER_COMMIT -> 1_000 + r.nextInt(3_000);
                case KILL_AGENT -> 2_000 + r.nextInt(8_000); // cut off for a while
                case KILL_BROKER -> 1_000 + r.nextInt(5_000);
                case FLOOD -> 0;
            };
            out.add(new Fault(t, kind, target, down));
            t += down + 2_000 + r.nextInt(4_000);
            i++;
        }
        return new ChaosPlan(List.copyOf(out));
    }
}
