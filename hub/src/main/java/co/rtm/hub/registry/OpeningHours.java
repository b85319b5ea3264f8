package co.rtm.hub.registry;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A centre's opening hours (art. 3.3.5.2.4: "hora de inicio y cierre de labores"), in America/Bogota: time ranges
 * per weekday (a day without ranges is closed) and a rule for public holidays. Pure. Ranges are half-open (see
 * {@link TimeRange}). The text form is {@link OpeningHoursText}, e.g.
 * {@code mon-fri 07:00-18:00; sat 08:00-13:00; holidays closed}.
 */
public record OpeningHours(Map<DayOfWeek, List<TimeRange>> week, HolidayRule holidays) {
    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    /** What a centre that registered no hours gets: open every instant, holidays included. */
    public static final OpeningHours ALWAYS_OPEN = alwaysOpen();

    public OpeningHours {
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, ranges) -> {
            List<TimeRange> sorted = ranges.stream()
                    .sorted((a, b) -> Integer.compare(a.fromMinute(), b.fromMinute())).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                    throw new IllegalArgumentException(sorted.get(i - 1).text() + " and " + sorted.get(i).text()
                            + " overlap on " + OpeningHoursText.dayName(day));
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, sorted);
            }
        });
        week = Collections.unmodifiableMap(copy);
        if (holidays == null) {
            throw new IllegalArgumentException("a holiday rule is required");
        }
    }

    public static OpeningHours parse(String text) {
        return OpeningHoursText.parse(text);
    }

    public String format() {
        return OpeningHoursText.format(this);
    }

    /** Whether the centre is open at {@code instant}, read on the Bogotá clock. */
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(BOGOTA);
        return rangesOn(local.toLocalDate()).stream().anyMatch(r -> r.contains(local.toLocalTime()));
    }

    /** The ranges that apply on {@code date}, holidays taken into account; empty when closed. */
    public List<TimeRange> rangesOn(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (ColombianHolidays.isHoliday(date)) {
            if (holidays instanceof HolidayRule.Closed) {
                return List.of();
            }
            if (holidays instanceof HolidayRule.LikeWeekday like) {
                day = like.day();
            }
        }
        return week.getOrDefault(day, List.of());
    }

    private static OpeningHours alwaysOpen() {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(TimeRange.WHOLE_DAY));
        }
        return new OpeningHours(week, new HolidayRule.Ordinary());
    }
}
