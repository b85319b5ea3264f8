package co.rtm.hub.config;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import co.rtm.hub.mobile.Schedules;
import co.rtm.hub.mobile.Stay;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.store.Database;
import co.rtm.profiles.config.ScheduleStop;

/**
 * A mobile line's stays as the {@code schedule} of its lanes' config (art. 3.3.1.6 m, "cronograma de trabajo y
 * municipios"): a stay's days are Bogotá dates, both inclusive; a stop runs from the first day's midnight (Bogotá)
 * to the midnight after the last day, exclusive. A leave-by date (art. 3.3.3.10) ends the stop after that day. All
 * stays are sent, past ones too, so that a non-empty schedule tells the agent what the ledger knows: the line is
 * checked (docs/mobile-lines.md), and a day no stop covers will be refused.
 */
public final class ScheduleStops {
    /** Reads a centre's stops; empty for a centre without stays (fixed CDAs, CALEs). */
    public interface Source {
        List<ScheduleStop> of(String centerId);
    }

    private ScheduleStops() {
    }

    /** No schedules at all (tests of other parts of the config). */
    public static Source none() {
        return centerId -> List.of();
    }

    /** The stays in {@code db}'s table mobile_stays. */
    public static Source from(Database db) {
        return centerId -> of(db.read(tx -> Schedules.stays(tx, centerId)));
    }

    /** Pure: the stops of {@code stays}, in their order; a stay whose leave-by date is before its first day has none. */
    public static List<ScheduleStop> of(List<Stay> stays) {
        List<ScheduleStop> stops = new ArrayList<>();
        for (Stay s : stays) {
            LocalDate last = s.leaveBy() != null && s.leaveBy().isBefore(s.to()) ? s.leaveBy() : s.to();
            if (last.isBefore(s.from())) {
                continue;
            }
            stops.add(new ScheduleStop(s.municipalityCode(), s.from().atStartOfDay(OpeningHours.BOGOTA).toOffsetDateTime(),
                    last.plusDays(1).atStartOfDay(OpeningHours.BOGOTA).toOffsetDateTime()));
        }
        return stops;
    }
}
