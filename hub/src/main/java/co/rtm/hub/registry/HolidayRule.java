package co.rtm.hub.registry;

import java.time.DayOfWeek;

/** How a centre works on a public holiday ({@link ColombianHolidays}). */
public sealed interface HolidayRule {
    /** Holidays are ordinary days: the hours of their weekday apply. */
    record Ordinary() implements HolidayRule {
    }

    /** Closed all day. */
    record Closed() implements HolidayRule {
    }

    /** Open with the hours of another weekday (typically Saturday's or Sunday's). */
    record LikeWeekday(DayOfWeek day) implements HolidayRule {
        public LikeWeekday {
            if (day == null) {
                throw new IllegalArgumentException("a weekday is required");
            }
        }
    }
}
