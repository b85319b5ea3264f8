package co.rtm.agent.inspection;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.lane.Bh1750;
import co.rtm.agent.instruments.lane.Bh1750Luxmeter;
import co.rtm.agent.instruments.lane.LaneIoConfig;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A BH1750 light sensor on the Pi's I2C as the lights instrument, from the lane file:
 *
 * <pre>
 * instruments:
 *   lights: {bh1750: {bus: 1, address: "0x23", serial: "LX-7", verifiedOn: 2026-01-10, verificationDue: 2027-01-09}}
 * </pre>
 *
 * {@code bus} defaults to 1 and {@code address} to 0x23 (ADDR pin low; 0x5C when high); {@code periodMs}, the time
 * between readings, to 500. The chip has no serial or calibration record of its own, so the serial engraved on the
 * housing and the verification dates of its certificate are required here: every test checks them.
 */
public record Bh1750Section(Integer bus, String address, String serial, String verifiedOn, String verificationDue,
                            Integer periodMs) {

    /** What the agent needs to open the sensor. */
    record Wiring(LaneIoConfig.I2cAddress address, DeviceIdentity identity, Duration period) {}

    /**
     * @param where {@code FILE: instruments.lights.bh1750}, the start of every error message
     * @throws IllegalArgumentException naming the field when a value is missing or wrong
     */
    Wiring wiring(String where) {
        int busNumber = bus == null ? 1 : bus;
        int device = address == null ? LaneIoConfig.I2cAddress.BH1750_DEFAULT.address() : address(where, address);
        LaneIoConfig.I2cAddress at;
        try {
            at = new LaneIoConfig.I2cAddress(busNumber, device);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + (busNumber < 0 ? ".bus: " : ".address: ") + e.getMessage());
        }
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException(where + ".serial: required (the serial on the sensor's housing "
                    + "or its calibration certificate)");
        }
        LocalDate from = date(where, "verifiedOn", verifiedOn);
        LocalDate due = date(where, "verificationDue", verificationDue);
        if (due.isBefore(from)) {
            throw new IllegalArgumentException(where + ".verificationDue: " + due + " is before verifiedOn " + from);
        }
        Duration period = Duration.ofMillis(periodMs == null ? 500 : periodMs);
        if (period.compareTo(Bh1750.MEASUREMENT_TIME) < 0) {
            throw new IllegalArgumentException(where + ".periodMs: at least " + Bh1750.MEASUREMENT_TIME.toMillis()
                    + " (one measurement), got " + periodMs);
        }
        return new Wiring(at, Bh1750Luxmeter.identity(serial, from, due), period);
    }

    private static int address(String where, String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            return t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ".address: expected an I2C address like \"0x23\", got '"
                    + text + "'");
        }
    }

    private static LocalDate date(String where, String field, String text) {
        if (text == null) {
            throw new IllegalArgumentException(where + "." + field + ": required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "." + field + ": expected YYYY-MM-DD, got '" + text + "'");
        }
    }
}
