package co.rtm.hub.registry;

import java.time.LocalTime;

/**
 * Part of a day, from {@code fromMinute} inclusive to {@code toMinute} exclusive, in minutes after midnight
 * (1440 = 24:00, the end of the day). Half-open: a centre open 07:00-18:00 is open at 07:00:00 and at
 * 17:59:59, closed at 18:00:00, so back-to-back ranges never overlap. Never crosses midnight.
 */
public record TimeRange(int fromMinute, int toMinute) {
    public static final int END_OF_DAY = 24 * 60;
    public static final TimeRange WHOLE_DAY = new TimeRange(0, END_OF_DAY);

    public TimeRange {
        if (fromMinute < 0 || toMinute > END_OF_DAY || fromMinute >= toMinute) {
            throw new IllegalArgumentException("time range " + text(fromMinute) + "-" + text(toMinute)
                    + " must start before it ends, within one day");
        }
    }

    public boolean contains(LocalTime time) {
        int second = time.toSecondOfDay();
        return second >= fromMinute * 60 && second < toMinute * 60;
    }

    public boolean overlaps(TimeRange other) {
        return fromMinute < other.toMinute && other.fromMinute < toMinute;
    }

    /** {@code HH:MM-HH:MM}. */
    public String text() {
        return text(fromMinute) + "-" + text(toMinute);
    }

    private static String text(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
