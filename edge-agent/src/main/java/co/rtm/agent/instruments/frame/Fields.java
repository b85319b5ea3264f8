package co.rtm.agent.instruments.frame;

import co.rtm.agent.instruments.FaultKind;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The comma-separated fields of one frame payload; field 0 is the tag. Accessors throw {@link FieldException}
 * with a message naming the record and the field, which the decoder turns into a fault.
 */
public final class Fields {

    /** Optional sign, digits, optional point and digits: no exponent, no NaN, no hex. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?[0-9]*\\.?[0-9]+");

    private final String payload;
    private final List<String> fields;

    public Fields(String payload) {
        this.payload = payload;
        this.fields = Arrays.asList(payload.split(",", -1));
    }

    public String tag() { return fields.get(0); }

    /** Number of fields after the tag. */
    public int count() { return fields.size() - 1; }

    public String payload() { return payload; }

    /** Requires exactly {@code n} fields after the tag. */
    public Fields expect(int n) {
        if (count() != n) {
            throw new FieldException(FaultKind.BAD_FRAME, tag() + " needs " + n + " fields, got " + count());
        }
        return this;
    }

    /** Requires between {@code min} and {@code max} fields after the tag. */
    public Fields expect(int min, int max) {
        if (count() < min || count() > max) {
            throw new FieldException(FaultKind.BAD_FRAME,
                    tag() + " needs " + min + ".." + max + " fields, got " + count());
        }
        return this;
    }

    /** Field {@code i} (1-based, after the tag) as text. */
    public String text(int i) {
        if (i < 1 || i > count()) {
            throw new FieldException(FaultKind.BAD_FRAME, tag() + " has no field " + i);
        }
        return fields.get(i);
    }

    public double number(int i) {
        String s = text(i);
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v) || s.isBlank() || !NUMBER.matcher(s).matches()) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new FieldException(FaultKind.BAD_FRAME, "field " + i + " of " + tag() + ": '" + s + "' is not a number");
        }
    }

    /** A number that must lie in {@code [min, max]}; outside is {@link FaultKind#OUT_OF_RANGE}. */
    public double number(int i, double min, double max, String what) {
        double v = number(i);
        if (v < min || v > max) {
            throw new FieldException(FaultKind.OUT_OF_RANGE,
                    what + " " + v + " outside the instrument's range " + min + ".." + max);
        }
        return v;
    }

    public int integer(int i, int min, int max, String what) {
        String s = text(i);
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new FieldException(FaultKind.BAD_FRAME, "field " + i + " of " + tag() + ": '" + s + "' is not an integer");
        }
        if (v < min || v > max) {
            throw new FieldException(FaultKind.OUT_OF_RANGE, what + " " + v + " outside " + min + ".." + max);
        }
        return v;
    }

    /** One of the given words. */
    public String oneOf(int i, String... allowed) {
        String s = text(i);
        for (String a : allowed) {
            if (a.equals(s)) {
                return s;
            }
        }
        throw new FieldException(FaultKind.BAD_FRAME,
                "field " + i + " of " + tag() + ": '" + s + "' is not one of " + String.join("/", allowed));
    }

    public LocalDate date(int i) {
        String s = text(i);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new FieldException(FaultKind.BAD_FRAME, "field " + i + " of " + tag() + ": '" + s + "' is not a date yyyy-mm-dd");
        }
    }
}
