package co.rtm.agent.instruments.gps;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.FrameDecoder;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.Reading;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Consumer;

/**
 * NMEA 0183 decoder for a GPS receiver: sentences {@code $ttSSS,field,...*hh} ended by CR, LF or CR LF.
 *
 * <p><b>Wire rules.</b> Every sentence must end in {@code *hh}, the XOR of the bytes between {@code $} and
 * {@code *}: a mismatch is a {@link FaultKind#BAD_CHECKSUM} fault, a sentence with no checksum a
 * {@link FaultKind#BAD_FRAME} fault, never a reading. Standard sentences may be up to {@value #MAX_STANDARD}
 * characters from {@code $} to the line end (the standard says 82 with CR LF; real receivers exceed it a
 * little); proprietary ones ({@code $P...}, checked and then ignored) up to {@value #MAX_PROPRIETARY}, as MTK
 * and SiRF chips send long ones. Beyond that, a non-printable byte inside a sentence, a sentence cut short by
 * the next {@code $}, and bytes between sentences are each one {@code BAD_FRAME} fault; the decoder then
 * waits for the next {@code $}. Talkers GP, GN, GL, GA, BD and GB are read; RMC, GGA, GSA and VTG are parsed;
 * every other sentence with a good checksum is ignored silently. A field that cannot be parsed (a time of
 * 25 h, 61 minutes of arc) is a {@code BAD_FRAME} fault and the sentence is dropped.
 *
 * <p><b>Epochs.</b> RMC and GGA carry the UTC time of fix; sentences with the same time are one epoch. The
 * epoch's fix is emitted as soon as it has both an RMC and a GGA (so a 1 Hz receiver's fix leaves within the
 * same second), or else when a sentence with another time arrives, or at end of stream. VTG and GSA carry no
 * time. GSA fills satellites and HDOP of the open (not yet emitted) epoch. Receivers send VTG right after RMC,
 * so a VTG fills speed and course only when the open epoch has its RMC (after a lost RMC, that second's VTG
 * must not land on the previous epoch). Both are dropped when no epoch is open. The first RMC, GGA and VTG
 * of an epoch win (SiRF sends GPGGA then GLGGA); the satellite counts of an epoch's GSA sentences add up.
 *
 * <p><b>No fix.</b> An RMC with status V (or mode N), a GGA with quality 0 and an RMC/GGA with an empty time
 * say the receiver has no fix: the whole epoch emits nothing, not even a fault (a receiver without sky view
 * is not broken). {@link #noFixSentences()} counts them; the live instrument turns a long silence into a
 * timeout.
 *
 * <p><b>Values.</b> Latitude and longitude in signed decimal degrees (S and W negative); altitude in metres
 * above mean sea level from GGA; speed in km/h from RMC knots, else VTG; course in degrees true from RMC,
 * else VTG; quality from GGA (else 1 for an autonomous RMC, 2 for differential); satellites from GGA, else
 * the count of satellite ids in the epoch's GSA sentences, -1 when neither; HDOP from GGA, else GSA. Absent
 * decimals are NaN. {@code deviceTime} is the RMC date with the epoch time; an epoch without RMC takes the
 * last RMC date seen, else the UTC date the bytes arrived. Two-digit years 80-99 are 19xx, others 20xx.
 *
 * <p>Not thread-safe: one instance per byte stream.
 */
public final class NmeaDecoder implements FrameDecoder {

    static final int MAX_STANDARD = 120;
    static final int MAX_PROPRIETARY = 255;
    private static final int MAX_GARBAGE_RUN = 1024;
    private static final double KNOTS_TO_KMH = 1.852;
    private static final Set<String> TALKERS = Set.of("GP", "GN", "GL", "GA", "BD", "GB");

    private enum State { IDLE, SENTENCE, SKIP }

    private final byte[] line = new byte[MAX_PROPRIETARY];
    private int length;
    private State state = State.IDLE;
    private int garbage;

    private GpsEpoch epoch;
    private LocalDate lastDate;

    private long sentences;
    private long fixes;
    private long noFixSentences;

    @Override
    public InstrumentKind kind() {
        return InstrumentKind.GPS;
    }

    /** Sentences with a good checksum so far, whatever their type. */
    public long sentences() {
        return sentences;
    }

    /** Fixes emitted so far. */
    public long fixes() {
        return fixes;
    }

    /** RMC/GGA sentences that said the receiver had no fix. */
    public long noFixSentences() {
        return noFixSentences;
    }

    @Override
    public void feed(byte[] data, int off, int len, Instant receivedAt, Consumer<InstrumentEvent> out) {
        for (int i = off; i < off + len; i++) {
            byte b = data[i];
            if (b == '$') {
                flushGarbage(receivedAt, out);
                if (state == State.SENTENCE) {
                    fault(out, receivedAt, FaultKind.BAD_FRAME, "sentence cut short by the next '$': " + text());
                }
                state = State.SENTENCE;
                length = 0;
            } else if (b == '\r' || b == '\n') {
                flushGarbage(receivedAt, out);
                if (state == State.SENTENCE) {
                    sentence(receivedAt, out);
                }
                state = State.IDLE;
            } else if (state == State.IDLE) {
                if (++garbage >= MAX_GARBAGE_RUN) {
                    flushGarbage(receivedAt, out);
                }
            } else if (state == State.SENTENCE) {
                if (b < 0x20 || b > 0x7e) {
                    fault(out, receivedAt, FaultKind.BAD_FRAME, String.format(
                            "non-printable byte 0x%02x in sentence after '%s'", b & 0xff, text()));
                    state = State.SKIP;
                } else if (length == MAX_PROPRIETARY) {
                    fault(out, receivedAt, FaultKind.BAD_FRAME, "line longer than " + MAX_PROPRIETARY
                            + " characters: " + text().substring(0, 40) + "...");
                    state = State.SKIP;
                } else {
                    line[length++] = b;
                }
            }
        }
    }

    @Override
    public void endOfStream(Instant at, Consumer<InstrumentEvent> out) {
        flushGarbage(at, out);
        if (state == State.SENTENCE && length > 0) {
            fault(out, at, FaultKind.BAD_FRAME, "stream ended inside a sentence: " + text());
        }
        state = State.IDLE;
        close(at, out);
    }

    private void flushGarbage(Instant at, Consumer<InstrumentEvent> out) {
        if (garbage > 0) {
            fault(out, at, FaultKind.BAD_FRAME, garbage + " bytes outside any sentence");
            garbage = 0;
        }
    }

    private String text() {
        return "$" + new String(line, 0, length, StandardCharsets.US_ASCII);
    }

    private static void fault(Consumer<InstrumentEvent> out, Instant at, FaultKind kind, String detail) {
        out.accept(new Fault(at, kind, detail));
    }

    // --- one line, from after '$' to before the line end ------------------------------------------------------

    private void sentence(Instant at, Consumer<InstrumentEvent> out) {
        int star = -1;
        int sum = 0;
        for (int i = 0; i < length; i++) {
            if (line[i] == '*') {
                star = i;
                break;
            }
            sum ^= line[i];
        }
        if (star < 0) {
            fault(out, at, FaultKind.BAD_FRAME, "sentence without checksum: " + text());
            return;
        }
        int given = star + 3 == length ? hex(line[star + 1]) << 4 | hex(line[star + 2]) : -1;
        if (given < 0) {
            fault(out, at, FaultKind.BAD_FRAME, "malformed checksum: " + text());
            return;
        }
        if (given != sum) {
            fault(out, at, FaultKind.BAD_CHECKSUM, String.format("checksum %02X, computed %02X: %s",
                    given, sum, text()));
            return;
        }
        boolean proprietary = length > 0 && line[0] == 'P';
        if (!proprietary && length + 1 > MAX_STANDARD) {
            fault(out, at, FaultKind.BAD_FRAME, "sentence longer than " + MAX_STANDARD + " characters: " + text());
            return;
        }
        sentences++;
        if (proprietary || star < 5 || (star > 5 && line[5] != ',')) {
            return;
        }
        String talker = new String(line, 0, 2, StandardCharsets.US_ASCII);
        if (!TALKERS.contains(talker)) {
            return;
        }
        String type = new String(line, 2, 3, StandardCharsets.US_ASCII);
        if (!type.equals("RMC") && !type.equals("GGA") && !type.equals("VTG") && !type.equals("GSA")) {
            return;
        }
        String[] f = split(new String(line, 0, star, StandardCharsets.US_ASCII));
        try {
            switch (type) {
                case "RMC" -> rmc(f, at, out);
                case "GGA" -> gga(f, at, out);
                case "VTG" -> vtg(f);
                default -> gsa(f);
            }
        } catch (BadField e) {
            fault(out, at, FaultKind.BAD_FRAME, e.getMessage() + ": " + text());
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -256;
    }

    private static String[] split(String body) {
        int n = 1;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == ',') {
                n++;
            }
        }
        String[] fields = new String[n];
        int start = 0;
        for (int k = 0; k < n; k++) {
            int comma = body.indexOf(',', start);
            int end = comma < 0 ? body.length() : comma;
            fields[k] = body.substring(start, end);
            start = end + 1;
        }
        return fields;
    }

    // --- sentence types --------------------------------------------------------------------------------------

    private void rmc(String[] f, Instant at, Consumer<InstrumentEvent> out) {
        need(f, 10, "RMC");
        boolean noFix = !f[2].equals("A") || (f.length > 12 && f[12].equals("N")) || f[1].isEmpty();
        // parse everything before touching the epoch: a bad field drops the whole sentence
        double lat = noFix ? Double.NaN : angle(f[3], f[4], 2, 'N', 'S', "latitude");
        double lon = noFix ? Double.NaN : angle(f[5], f[6], 3, 'E', 'W', "longitude");
        double speed = noFix ? Double.NaN : decimal(f[7], "speed") * KNOTS_TO_KMH;
        double course = noFix ? Double.NaN : decimal(f[8], "course");
        LocalDate date = noFix || f[9].isEmpty() ? null : date(f[9]);
        GpsEpoch e = epochFor(f[1], noFix, at, out);
        if (e == null || e.hasRmc) {
            return;
        }
        e.hasRmc = true;
        e.lastAt = at;
        e.noFix |= noFix;
        if (!noFix) {
            if (Double.isNaN(e.lat)) {
                e.lat = lat;
                e.lon = lon;
            }
            e.rmcSpeedKmh = speed;
            e.rmcCourseDeg = course;
            e.rmcQuality = f.length > 12 && f[12].equals("D") ? 2 : 1;
            if (date != null) {
                e.date = date;
                lastDate = date;
            }
        }
        completeIfDone(e, at, out);
    }

    private void gga(String[] f, Instant at, Consumer<InstrumentEvent> out) {
        need(f, 10, "GGA");
        int quality = f[6].isEmpty() ? 0 : integer(f[6], "quality");
        boolean noFix = quality == 0 || f[1].isEmpty();
        double lat = noFix ? Double.NaN : angle(f[2], f[3], 2, 'N', 'S', "latitude");
        double lon = noFix ? Double.NaN : angle(f[4], f[5], 3, 'E', 'W', "longitude");
        int satellites = noFix || f[7].isEmpty() ? -1 : integer(f[7], "satellites");
        double hdop = noFix ? Double.NaN : decimal(f[8], "hdop");
        double altitude = noFix ? Double.NaN : decimal(f[9], "altitude");
        GpsEpoch e = epochFor(f[1], noFix, at, out);
        if (e == null || e.hasGga) {
            return;
        }
        e.hasGga = true;
        e.lastAt = at;
        e.noFix |= noFix;
        if (!noFix) {
            if (Double.isNaN(e.lat)) {
                e.lat = lat;
                e.lon = lon;
            }
            e.ggaQuality = quality;
            e.ggaSatellites = satellites;
            e.ggaHdop = hdop;
            e.altitudeM = altitude;
        }
        completeIfDone(e, at, out);
    }

    private void vtg(String[] f) {
        need(f, 9, "VTG");
        GpsEpoch e = epoch;
        if (e == null || e.emitted || !e.hasRmc || e.hasVtg || (f.length > 9 && f[9].equals("N"))) {
            return;
        }
        double course = decimal(f[1], "course");
        double kmh = decimal(f[7], "speed km/h");
        e.vtgSpeedKmh = Double.isNaN(kmh) ? decimal(f[5], "speed knots") * KNOTS_TO_KMH : kmh;
        e.vtgCourseDeg = course;
        e.hasVtg = true;
    }

    private void gsa(String[] f) {
        need(f, 18, "GSA");
        GpsEpoch e = epoch;
        if (e == null || e.emitted || f[2].equals("1")) {
            return;
        }
        int used = 0;
        for (int i = 3; i <= 14; i++) {
            if (!f[i].isEmpty()) {
                used++;
            }
        }
        double hdop = decimal(f[16], "hdop");
        e.gsaSatellites = Math.max(e.gsaSatellites, 0) + used;
        if (Double.isNaN(e.gsaHdop)) {
            e.gsaHdop = hdop;
        }
    }

    // --- epochs -------------------------------------------------------------------------------------------

    /** The epoch a timed sentence belongs to, opening a new one when the time changed; null to ignore it. */
    private GpsEpoch epochFor(String timeField, boolean noFix, Instant at, Consumer<InstrumentEvent> out) {
        if (noFix) {
            noFixSentences++;
        }
        if (timeField.isEmpty()) {
            close(at, out);
            return null;
        }
        if (epoch != null && epoch.timeField.equals(timeField)) {
            return epoch.emitted ? null : epoch;
        }
        LocalTime time = time(timeField);
        close(at, out);
        epoch = new GpsEpoch(timeField, time);
        return epoch;
    }

    private void completeIfDone(GpsEpoch e, Instant at, Consumer<InstrumentEvent> out) {
        if (e.complete()) {
            emit(e, at, out);
        }
    }

    /** Emit the open epoch if it has not been, and forget it. */
    private void close(Instant at, Consumer<InstrumentEvent> out) {
        if (epoch != null && !epoch.emitted) {
            emit(epoch, epoch.lastAt != null ? epoch.lastAt : at, out);
        }
        epoch = null;
    }

    private void emit(GpsEpoch e, Instant at, Consumer<InstrumentEvent> out) {
        e.emitted = true;
        if (e.noFix || Double.isNaN(e.lat) || Double.isNaN(e.lon)) {
            return;
        }
        LocalDate day = lastDate != null ? lastDate : at.atOffset(ZoneOffset.UTC).toLocalDate();
        fixes++;
        out.accept(new Reading(at, e.toFix(day)));
    }

    // --- fields -------------------------------------------------------------------------------------------

    private static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message, null, false, false);
        }
    }

    private static void need(String[] f, int fields, String type) {
        if (f.length < fields) {
            throw new BadField(type + " with " + f.length + " fields, expected at least " + fields);
        }
    }

    private static double decimal(String s, String name) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new BadField("bad " + name + " '" + s + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadField("bad " + name + " '" + s + "'");
        }
    }

    private static int integer(String s, String name) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new BadField("bad " + name + " '" + s + "'");
        }
    }

    /** {@code ddmm.mmmm} (or {@code dddmm.mmmm}) and a hemisphere letter to signed decimal degrees. */
    private static double angle(String value, String hemisphere, int degreeDigits, char plus, char minus,
                                String name) {
        if (value.isEmpty() && hemisphere.isEmpty()) {
            return Double.NaN;
        }
        if (value.length() < degreeDigits + 2 || hemisphere.length() != 1) {
            throw new BadField("bad " + name + " '" + value + "," + hemisphere + "'");
        }
        int degrees = integer(value.substring(0, degreeDigits), name);
        double minutes = decimal(value.substring(degreeDigits), name);
        double limit = degreeDigits == 2 ? 90 : 180;
        double deg = degrees + minutes / 60.0;
        if (degrees < 0 || minutes < 0 || minutes >= 60 || deg > limit) {
            throw new BadField("bad " + name + " '" + value + "'");
        }
        char h = hemisphere.charAt(0);
        if (h == plus) {
            return deg;
        }
        if (h == minus) {
            return -deg;
        }
        throw new BadField("bad " + name + " hemisphere '" + hemisphere + "'");
    }

    /** {@code hhmmss} or {@code hhmmss.sss}. */
    private static LocalTime time(String s) {
        try {
            if (s.length() < 6 || (s.length() > 6 && s.charAt(6) != '.')) {
                throw new BadField("bad time '" + s + "'");
            }
            int h = Integer.parseInt(s.substring(0, 2));
            int m = Integer.parseInt(s.substring(2, 4));
            int sec = Integer.parseInt(s.substring(4, 6));
            int nanos = 0;
            if (s.length() > 7) {
                String frac = s.substring(7);
                if (frac.length() > 9 || !frac.chars().allMatch(Character::isDigit)) {
                    throw new BadField("bad time '" + s + "'");
                }
                nanos = Integer.parseInt((frac + "000000000").substring(0, 9));
            }
            return LocalTime.of(h, m, sec, nanos);
        } catch (NumberFormatException | DateTimeException e) {
            throw new BadField("bad time '" + s + "'");
        }
    }

    /** {@code ddmmyy}. */
    private static LocalDate date(String s) {
        try {
            if (s.length() != 6) {
                throw new BadField("bad date '" + s + "'");
            }
            int yy = Integer.parseInt(s.substring(4, 6));
            return LocalDate.of(yy >= 80 ? 1900 + yy : 2000 + yy, Integer.parseInt(s.substring(2, 4)),
                    Integer.parseInt(s.substring(0, 2)));
        } catch (NumberFormatException | DateTimeException e) {
            throw new BadField("bad date '" + s + "'");
        }
    }
}
