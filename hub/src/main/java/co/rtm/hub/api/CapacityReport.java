package co.rtm.hub.api;

import co.rtm.hub.ledger.ClockHour;
import co.rtm.hub.registry.OpeningHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inspections per lane per Bogotá clock hour of one day, against each lane's registered capacity per hour
 * (art. 3.3.5.2.4). Pure: the rows come from the database, the arithmetic happens here.
 */
record CapacityReport(String center, LocalDate date, List<Lane> lanes) {
    /** {@code capacityPerHour} null: none registered (unlimited). Hours with no inspection are left out. */
    record Lane(String stationId, Integer capacityPerHour, long total, List<Hour> hours) {
    }

    /** {@code hour} is the Bogotá clock hour's start, e.g. {@code 07:00}; {@code over} when count exceeds capacity. */
    record Hour(String hour, Instant start, long count, Integer capacity, boolean over) {
    }

    /** A lane and its inspections' start times. */
    record LaneStarts(String stationId, Integer capacityPerHour, List<Instant> startedAt) {
    }

    static CapacityReport of(String center, LocalDate date, List<LaneStarts> lanes) {
        List<Lane> out = new ArrayList<>();
        for (LaneStarts lane : lanes) {
            Map<Instant, Long> perHour = new TreeMap<>();
            for (Instant started : lane.startedAt()) {
                if (started.atZone(OpeningHours.BOGOTA).toLocalDate().equals(date)) {
                    perHour.merge(ClockHour.of(started).start(), 1L, Long::sum);
                }
            }
            List<Hour> hours = new ArrayList<>();
            long total = 0;
            for (Map.Entry<Instant, Long> e : perHour.entrySet()) {
                LocalTime local = e.getKey().atZone(OpeningHours.BOGOTA).toLocalTime();
                Integer cap = lane.capacityPerHour();
                hours.add(new Hour(local.toString(), e.getKey(), e.getValue(), cap, cap != null && e.getValue() > cap));
                total += e.getValue();
            }
            out.add(new Lane(lane.stationId(), lane.capacityPerHour(), total, hours));
        }
        return new CapacityReport(center, date, out);
    }

    /** [start, end) of the Bogotá day. */
    static Instant[] dayBounds(LocalDate date) {
        return new Instant[] {date.atStartOfDay(OpeningHours.BOGOTA).toInstant(),
                date.plusDays(1).atStartOfDay(OpeningHours.BOGOTA).toInstant()};
    }
}
