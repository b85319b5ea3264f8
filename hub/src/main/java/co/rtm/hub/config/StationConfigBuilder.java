package co.rtm.hub.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import co.rtm.hub.registry.CenterRules;
import co.rtm.hub.registry.ColombianHolidays;
import co.rtm.hub.registry.HolidayRule;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.registry.ProfileRefs;
import co.rtm.hub.registry.Station;
import co.rtm.hub.registry.TimeRange;
import co.rtm.profiles.config.OpeningWeek;
import co.rtm.profiles.config.ScheduleStop;
import co.rtm.profiles.config.StationConfig;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.vehicle.VehicleKind;

/**
 * Turns what the registry holds about a station into the {@link StationConfig} it is sent: the same limits the
 * ledger checks on each result ({@code OperatingRules}), so the agent can warn before the hub refuses. Pure.
 */
public final class StationConfigBuilder {
    private StationConfigBuilder() {
    }

    /**
     * @param capacityPerHour the lane's registered capacity, null for none
     * @param keyRevoked      the station has keys and none of them may sign now: the hub refuses all it sends
     */
    public static StationConfig build(Station station, CenterRules rules, Integer capacityPerHour, boolean keyRevoked,
                                      long version, Instant now) {
        return build(station, rules, capacityPerHour, keyRevoked, version, now, List.of());
    }

    /** As above, for a lane of a mobile line whose stays are {@code schedule} ({@link ScheduleStops}). */
    public static StationConfig build(Station station, CenterRules rules, Integer capacityPerHour, boolean keyRevoked,
                                      long version, Instant now, List<ScheduleStop> schedule) {
        List<VehicleKind> laneKinds = ProfileRefs.resolve(station.profileId()).map(StationProfile::vehicleKinds).orElse(List.of());
        // art. 3.3.3.6: the centre's class narrows what its lanes may take
        List<VehicleKind> allowed = laneKinds.stream()
                .filter(k -> rules.centerClass() == null || rules.centerClass().allows(k, laneKinds)).toList();
        return new StationConfig(station.centerId(), station.id(), version, OffsetDateTime.ofInstant(now, OpeningHours.BOGOTA),
                station.active() && !keyRevoked, station.profileId(), capacityPerHour, allowed,
                rules.hoursRegistered() ? week(rules.hours(), now.atZone(OpeningHours.BOGOTA).getYear()) : null,
                rules.accreditedUntil(), rules.environmentalUntil(), schedule);
    }

    /** The hours per weekday, and the public holidays of {@code year} and the next one. */
    static OpeningWeek week(OpeningHours hours, int year) {
        Map<DayOfWeek, List<String>> days = new EnumMap<>(DayOfWeek.class);
        hours.week().forEach((day, ranges) -> days.put(day, ranges.stream().map(TimeRange::text).toList()));
        HolidayRule rule = hours.holidays();
        String onHolidays = rule instanceof HolidayRule.LikeWeekday like ? like.day().name()
                : rule instanceof HolidayRule.Closed ? OpeningWeek.CLOSED : OpeningWeek.ORDINARY;
        List<LocalDate> holidays = new ArrayList<>(ColombianHolidays.of(year));
        holidays.addAll(ColombianHolidays.of(year + 1));
        return new OpeningWeek(days, onHolidays, holidays);
    }
}
