package co.rtm.hub.api;

import co.rtm.hub.registry.OpeningHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Query parameters, parsed without I/O: every bad value becomes a 400 naming the parameter. Times are ISO-8601 with
 * an offset ({@code 2026-11-20T10:15:00-05:00} or {@code ...Z}) or a date ({@code 2026-11-20}, midnight in Bogotá).
 */
final class Params {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Params() {
    }

    /** Page size: default {@value #DEFAULT_LIMIT}, 1..{@value #MAX_LIMIT}. */
    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        long n = integer("limit", text);
        if (n < 1 || n > MAX_LIMIT) {
            throw ApiException.badParameter("limit", "must be 1 to " + MAX_LIMIT + ", not " + text);
        }
        return (int) n;
    }

    static long offset(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        long n = integer("offset", text);
        if (n < 0) {
            throw ApiException.badParameter("offset", "must not be negative");
        }
        return n;
    }

    static Long optionalLong(String name, String text) {
        return text == null || text.isBlank() ? null : integer(name, text);
    }

    static long integer(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "not a whole number: " + text);
        }
    }

    /** An instant, or null when absent. */
    static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(OpeningHours.BOGOTA).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "want an ISO-8601 date (2026-11-20) or time with offset "
                    + "(2026-11-20T10:15:00-05:00), not " + text);
        }
    }

    static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "want an ISO-8601 date (2026-11-20), not " + text);
        }
    }

    static boolean bool(String name, String text, boolean absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badParameter(name, "want true or false, not " + text);
        };
    }

    static String required(String name, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badParameter(name, "is required");
        }
        return text.trim();
    }

    static void requireOrder(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badParameter("to", "must be after from");
        }
    }
}
