package co.rtm.hub.registry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Colombia's public holidays ("días festivos") of a year, per Ley 51 de 1983 ("ley Emiliani"). Pure.
 *
 * <p>Two holidays may fall on the same Monday (e.g. Sacred Heart and Saints Peter and Paul on 30 June 2025); the
 * date is then listed once.
 */
public final class ColombianHolidays {
    /** Always on their own date (Ley 51/1983 art. 1). */
    private static final List<MonthDay> FIXED = List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(7, 20),
            MonthDay.of(8, 7), MonthDay.of(12, 8), MonthDay.of(12, 25));
    /** Moved to the following Monday when they do not fall on one (Ley 51/1983 art. 1). */
    private static final List<MonthDay> TO_MONDAY = List.of(MonthDay.of(1, 6), MonthDay.of(3, 19), MonthDay.of(6, 29),
            MonthDay.of(8, 15), MonthDay.of(10, 12), MonthDay.of(11, 1), MonthDay.of(11, 11));
    /** Days after Easter Sunday of Ascension, Corpus Christi and Sacred Heart, already moved to their Monday. */
    private static final List<Integer> EASTER_MONDAYS = List.of(43, 64, 71);

    private ColombianHolidays() {
    }

    /** The holidays of {@code year}, in date order. */
    public static NavigableSet<LocalDate> of(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (MonthDay d : FIXED) {
            days.add(d.atYear(year));
        }
        for (MonthDay d : TO_MONDAY) {
            days.add(d.atYear(year).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)));
        }
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(3)); // Holy Thursday
        days.add(easter.minusDays(2)); // Good Friday
        for (int offset : EASTER_MONDAYS) {
            days.add(easter.plusDays(offset));
        }
        return days;
    }

    public static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).contains(date);
    }

    /** Western (Gregorian) Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
