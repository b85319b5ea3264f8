package co.rtm.sim.mobile;

import java.time.LocalDate;

/** A stay of the plan, as scheduled at the hub: Bogotá dates, both inclusive (art. 3.3.3.9: at least a month). */
public record PlannedStay(Town town, LocalDate from, LocalDate to) {
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
