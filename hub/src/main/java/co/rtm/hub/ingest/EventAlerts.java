package co.rtm.hub.ingest;

import co.rtm.hub.registry.OpeningHours;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.StationEvent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Which station events a supervisor must see as alerts (DESIGN §1: "alerts (... instrument faults)"): every
 * {@code INSTRUMENT_FAULT}, and a {@code CALIBRATION} or {@code VERIFICATION} event reporting an instrument whose
 * metrological verification has lapsed ({@code detail.expired: true}, or {@code detail.verificationDue}, the last
 * valid day as in the inspection evidence, before the event's own day in Bogotá). Pure.
 */
final class EventAlerts {
    static final String INSTRUMENT_FAULT = "INSTRUMENT_FAULT";
    static final String CALIBRATION_EXPIRED = "INSTRUMENT_CALIBRATION_EXPIRED";
    private static final int MAX_TEXT = 500;

    /** An alert to raise: its kind, the instrument (as the station named it; null if it did not) and the message. */
    record EventAlert(String kind, String instrument, String message) {
    }

    private EventAlerts() {
    }

    static Optional<EventAlert> of(StationEvent event) {
        Map<String, Object> d = event.detail();
        if (event.type() == EventType.INSTRUMENT_FAULT) {
            String problem = text(d, "problem");
            if (problem == null) {
                problem = text(d, "message");
            }
            String excerpt = text(d, "excerpt");
            String message = (problem == null ? "instrument fault (no description)" : problem)
                    + (excerpt == null ? "" : " [" + excerpt + "]");
            return Optional.of(new EventAlert(INSTRUMENT_FAULT, instrument(d), clip(message)));
        }
        if (event.type() == EventType.CALIBRATION || event.type() == EventType.VERIFICATION) {
            LocalDate day = event.createdAt().atZoneSameInstant(OpeningHours.BOGOTA).toLocalDate();
            LocalDate due = date(text(d, "verificationDue"));
            boolean expired = Boolean.TRUE.equals(d.get("expired")) || (due != null && due.isBefore(day));
            if (expired) {
                String message = "metrological verification expired"
                        + (due == null ? "" : ": last valid day " + due + ", reported on " + day);
                String problem = text(d, "problem");
                return Optional.of(new EventAlert(CALIBRATION_EXPIRED, instrument(d),
                        clip(problem == null ? message : message + "; " + problem)));
            }
        }
        return Optional.empty();
    }

    /** {@code instrument}, with its {@code serial} when the station gave one. */
    private static String instrument(Map<String, Object> d) {
        String name = text(d, "instrument");
        String serial = text(d, "serial");
        if (name == null) {
            return serial == null ? null : "serial " + serial;
        }
        return clip(serial == null ? name : name + " (serial " + serial + ")");
    }

    private static String text(Map<String, Object> d, String key) {
        Object v = d.get(key);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
}
