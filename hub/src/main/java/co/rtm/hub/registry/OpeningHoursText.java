package co.rtm.hub.registry;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact text form of {@link OpeningHours}: parts separated by {@code ;}, each one of
 * <ul>
 *   <li>{@code DAYS RANGES}: days as {@code mon}, {@code mon-fri} or a comma list of those; ranges as
 *       {@code 07:00-18:00} or a comma list ({@code 07:00-12:00,14:00-18:00}); {@code 24:00} ends a day;</li>
 *   <li>{@code DAYS closed};</li>
 *   <li>{@code holidays closed}, {@code holidays as DAY} (that weekday's hours) or {@code holidays open} (their
 *       own weekday's hours, the default).</li>
 * </ul>
 * Days not named are closed. A day may be named only once. Errors name the part that is wrong.
 */
public final class OpeningHoursText {
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    private OpeningHoursText() {
    }

    public static OpeningHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("opening hours are empty");
        }
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        List<DayOfWeek> named = new ArrayList<>();
        HolidayRule holidays = null;
        for (String raw : text.split(";", -1)) {
            String part = raw.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty part in opening hours '" + text + "'");
            }
            String[] words = part.split(" ");
            if (words[0].equals("holidays")) {
                if (holidays != null) {
                    throw new IllegalArgumentException("'" + part + "': holidays are given twice");
                }
                holidays = holidayRule(part, words);
                continue;
            }
            if (words.length != 2) {
                throw new IllegalArgumentException("'" + part + "': expected days then hours, e.g. 'mon-fri 07:00-18:00'");
            }
            List<DayOfWeek> days = days(part, words[0]);
            List<TimeRange> ranges = words[1].equals("closed") ? List.of() : ranges(part, words[1]);
            for (DayOfWeek day : days) {
                if (named.contains(day)) {
                    throw new IllegalArgumentException("'" + part + "': " + dayName(day) + " is given twice");
                }
                named.add(day);
                week.put(day, ranges);
            }
        }
        try {
            return new OpeningHours(week, holidays == null ? new HolidayRule.Ordinary() : holidays);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("opening hours '" + text + "': " + e.getMessage(), e);
        }
    }

    /** The canonical text: consecutive days with the same hours grouped, closed days left out. */
    public static String format(OpeningHours hours) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] all = DayOfWeek.values();
        int i = 0;
        while (i < all.length) {
            List<TimeRange> ranges = hours.week().getOrDefault(all[i], List.of());
            int j = i;
            while (j + 1 < all.length && hours.week().getOrDefault(all[j + 1], List.of()).equals(ranges)) {
                j++;
            }
            if (!ranges.isEmpty()) {
                String days = i == j ? dayName(all[i]) : dayName(all[i]) + "-" + dayName(all[j]);
                parts.add(days + " " + String.join(",", ranges.stream().map(TimeRange::text).toList()));
            }
            i = j + 1;
        }
        if (parts.isEmpty()) {
            parts.add("mon-sun closed");
        }
        HolidayRule rule = hours.holidays();
        if (rule instanceof HolidayRule.Closed) {
            parts.add("holidays closed");
        } else if (rule instanceof HolidayRule.LikeWeekday like) {
            parts.add("holidays as " + dayName(like.day()));
        }
        return String.join("; ", parts);
    }

    static String dayName(DayOfWeek day) {
        return DAYS.get(day.ordinal());
    }

    private static HolidayRule holidayRule(String part, String[] words) {
        if (words.length == 2 && words[1].equals("closed")) {
            return new HolidayRule.Closed();
        }
        if (words.length == 2 && words[1].equals("open")) {
            return new HolidayRule.Ordinary();
        }
        if (words.length == 3 && words[1].equals("as")) {
            return new HolidayRule.LikeWeekday(day(part, words[2]));
        }
        throw new IllegalArgumentException("'" + part + "': expected 'holidays closed', 'holidays open' or 'holidays as sat'");
    }

    private static List<DayOfWeek> days(String part, String text) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            int dash = item.indexOf('-');
            if (dash < 0) {
                days.add(day(part, item));
                continue;
            }
            DayOfWeek from = day(part, item.substring(0, dash));
            DayOfWeek to = day(part, item.substring(dash + 1));
            if (to.compareTo(from) < 0) {
                throw new IllegalArgumentException("'" + part + "': day range " + item + " runs backwards (weeks start on mon)");
            }
            for (int d = from.ordinal(); d <= to.ordinal(); d++) {
                days.add(DayOfWeek.values()[d]);
            }
        }
        return days;
    }

    private static DayOfWeek day(String part, String name) {
        int index = DAYS.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("'" + part + "': unknown day '" + name + "' (use " + String.join(", ", DAYS) + ")");
        }
        return DayOfWeek.values()[index];
    }

    private static List<TimeRange> ranges(String part, String text) {
        List<TimeRange> ranges = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            Matcher m = RANGE.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part + "': '" + item + "' is not a time range like 07:00-18:00");
            }
            int from = minute(part, item, m.group(1), m.group(2));
            int to = minute(part, item, m.group(3), m.group(4));
            if (from >= to) {
                throw new IllegalArgumentException("'" + part + "': " + item + " must start before it ends (no ranges over midnight)");
            }
            ranges.add(new TimeRange(from, to));
        }
        return ranges;
    }

    private static int minute(String part, String item, String hh, String mm) {
        int h = Integer.parseInt(hh);
        int m = Integer.parseInt(mm);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            throw new IllegalArgumentException("'" + part + "': " + item + " has an impossible time " + hh + ":" + mm);
        }
        return h * 60 + m;
    }
}
