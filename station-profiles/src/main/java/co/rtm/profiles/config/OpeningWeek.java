package co.rtm.profiles.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A centre's opening hours as carried in {@link StationConfig} (art. 3.3.5.2.4, "hora de inicio y cierre de
 * labores"), read on the {@link #BOGOTA} clock. {@code days}: per weekday, half-open ranges {@code HH:MM-HH:MM}
 * ({@code 24:00} is the end of the day; a day absent or empty is closed). {@code onHolidays}: {@code CLOSED},
 * {@code ORDINARY} (the weekday's own hours) or a weekday name such as {@code SATURDAY} (that day's hours).
 * {@code holidays}: the public holidays the hub knows (the current and the next year); a date not listed is an
 * ordinary day. Pure and immutable.
 */
public record OpeningWeek(Map<DayOfWeek, List<String>> days, String onHolidays, List<LocalDate> holidays) {

    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    public static final String CLOSED = "CLOSED";
    public static final String ORDINARY = "ORDINARY";

    private static final Pattern RANGE = Pattern.compile("([0-2][0-9]):([0-5][0-9])-([0-2][0-9]):([0-5][0-9])");
    private static final int END_OF_DAY = 24 * 60;
    private static final int SEARCH_DAYS = 400;

    /** From {@code fromMinute} inclusive to {@code toMinute} exclusive, minutes after midnight. */
    public record Range(int fromMinute, int toMinute) {
        public boolean contains(LocalTime time) {
            int second = time.toSecondOfDay();
            return second >= fromMinute * 60 && second < toMinute * 60;
        }
    }

    public OpeningWeek {
        EnumMap<DayOfWeek, List<String>> copy = new EnumMap<>(DayOfWeek.class);
        if (days != null) {
            days.forEach((day, ranges) -> {
                if (day == null || ranges == null) {
                    throw new IllegalArgumentException("opening hours: a weekday or its ranges are missing");
                }
                ranges.forEach(OpeningWeek::parseRange);
                copy.put(day, List.copyOf(ranges));
            });
        }
        days = Collections.unmodifiableMap(copy);
        if (onHolidays == null) {
            throw new IllegalArgumentException("onHolidays is required (CLOSED, ORDINARY or a weekday)");
        }
        if (!onHolidays.equals(CLOSED) && !onHolidays.equals(ORDINARY)) {
            try {
                DayOfWeek.valueOf(onHolidays);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("onHolidays must be CLOSED, ORDINARY or a weekday: " + onHolidays);
            }
        }
        holidays = holidays == null ? List.of() : List.copyOf(new TreeSet<>(holidays));
    }

    public boolean isHoliday(LocalDate date) {
        return Collections.binarySearch(holidays, date) >= 0;
    }

    /** The ranges that apply on {@code date}, holidays taken into account, in order; empty when closed. */
    public List<Range> rangesOn(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (isHoliday(date)) {
            if (onHolidays.equals(CLOSED)) {
                return List.of();
            }
            if (!onHolidays.equals(ORDINARY)) {
                day = DayOfWeek.valueOf(onHolidays);
            }
        }
        List<Range> ranges = new ArrayList<>();
        for (String text : days.getOrDefault(day, List.of())) {
            ranges.add(parseRange(text));
        }
        ranges.sort(Comparator.comparingInt(Range::fromMinute));
        return ranges;
    }

    /** Whether the centre is open at {@code local} (Bogotá wall-clock time). */
    public boolean isOpen(LocalDateTime local) {
        return rangesOn(local.toLocalDate()).stream().anyMatch(r -> r.contains(local.toLocalTime()));
    }

    /** When the centre next opens strictly after {@code local}, within about a year; empty if never. */
    public Optional<LocalDateTime> nextOpening(LocalDateTime local) {
        LocalDate date = local.toLocalDate();
        int minuteNow = local.toLocalTime().toSecondOfDay() / 60;
        for (int i = 0; i <= SEARCH_DAYS; i++) {
            LocalDate d = date.plusDays(i);
            for (Range r : rangesOn(d)) {
                if (i > 0 || r.fromMinute() > minuteNow) {
                    return Optional.of(d.atStartOfDay().plusMinutes(r.fromMinute()));
                }
            }
        }
        return Optional.empty();
    }

    private static Range parseRange(String text) {
        Matcher m = text == null ? null : RANGE.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("opening range must be HH:MM-HH:MM: " + text);
        }
        int from = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int to = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        if (from >= to || to > END_OF_DAY) {
            throw new IllegalArgumentException("opening range must start before it ends, within one day: " + text);
        }
        return new Range(from, to);
    }
}
