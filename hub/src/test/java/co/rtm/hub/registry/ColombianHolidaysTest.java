package co.rtm.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColombianHolidaysTest {
    private static List<LocalDate> dates(int year, String... monthDays) {
        return Arrays.stream(monthDays).map(md -> LocalDate.parse(year + "-" + md)).toList();
    }

    @Test
    void easterSundays() {
        assertThat(ColombianHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(ColombianHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(ColombianHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(ColombianHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void holidaysOf2026() {
        assertThat(ColombianHolidays.of(2026)).containsExactlyElementsOf(dates(2026,
                "01-01", "01-12", "03-23", "04-02", "04-03", "05-01", "05-18", "06-08", "06-15", "06-29",
                "07-20", "08-07", "08-17", "10-12", "11-02", "11-16", "12-08", "12-25"));
    }

    @Test
    void holidaysOf2025WhereSacredHeartAndSaintPeterShareAMonday() {
        assertThat(ColombianHolidays.of(2025)).containsExactlyElementsOf(dates(2025,
                "01-01", "01-06", "03-24", "04-17", "04-18", "05-01", "06-02", "06-23", "06-30",
                "07-20", "08-07", "08-18", "10-13", "11-03", "11-17", "12-08", "12-25"));
    }

    @Test
    void fixedHolidaysStayOnTheirDayEvenOnASunday() {
        // 20 July 2025 was a Sunday
        assertThat(ColombianHolidays.isHoliday(LocalDate.of(2025, 7, 20))).isTrue();
        assertThat(ColombianHolidays.isHoliday(LocalDate.of(2025, 7, 21))).isFalse();
        assertThat(ColombianHolidays.isHoliday(LocalDate.of(2026, 1, 6))).isFalse();
    }
}
