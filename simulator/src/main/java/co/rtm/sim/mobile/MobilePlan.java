package co.rtm.sim.mobile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the simulated line will do: its schedule (the first stay began before the simulated window, the last one may
 * end after it) and its steps, time ordered, from {@code start} (a Bogotá date, inclusive) to {@code end}
 * (exclusive). Made by {@link PlanGenerator}.
 */
public record MobilePlan(long seed, LocalDate start, LocalDate end, List<PlannedStay> stays, List<Step> steps) {
    public static final String ACCEPTED = "ACCEPTED";
    /** The agent's hold on a day no stay covers (its reason is the hub's code). */
    public static final String HELD_NOT_SCHEDULED = "HELD:NOT_IN_SCHEDULED_MUNICIPALITY";

    public MobilePlan {
        stays = List.copyOf(stays);
        steps = List.copyOf(steps);
    }

    /** The stays the line is in during the window, in order. */
    public List<PlannedStay> visited() {
        return stays.stream().filter(s -> s.to().isAfter(start.minusDays(1)) && s.from().isBefore(end)).toList();
    }

    /** Expected outcomes of the inspections and attempts, counted by outcome. */
    public Map<String, Long> expectedCounts() {
        return steps.stream().map(MobilePlan::expected).filter(e -> e != null)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    public long fixes() {
        return steps.stream().filter(s -> s instanceof Step.Fix).count();
    }

    /** The stay covering the Bogotá date of {@code t}, or null. */
    public PlannedStay stayAt(Instant t) {
        LocalDate day = t.atZone(PlanGenerator.BOGOTA).toLocalDate();
        return stays.stream().filter(s -> s.covers(day)).findFirst().orElse(null);
    }

    static String expected(Step s) {
        if (s instanceof Step.Inspect i) {
            return i.expected();
        }
        if (s instanceof Step.Attempt a) {
            return a.expected();
        }
        return null;
    }
}
