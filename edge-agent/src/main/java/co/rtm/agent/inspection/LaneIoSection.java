package co.rtm.agent.inspection;

import co.rtm.agent.instruments.lane.LaneIoConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lane file's optional {@code laneIo:} section: which BCM GPIO pins (not header pin numbers) the lane's own
 * hardware is wired to.
 *
 * <pre>
 * laneIo:
 *   entryCell: 17          # vehicle-presence photocell at the entry (NPN open collector: pulled up, LOW = beam broken)
 *   exitCell: 27           # ... at the exit
 *   emergencyStop: 22      # normally-closed button to ground: pulled up, HIGH = pressed or wire cut
 *   light: {green: 5, red: 6, activeLow: false}   # or {busy: 26, activeLow: true}: one "lane busy" output
 * </pre>
 *
 * {@code activeLow} is the light's: true for relay boards that switch on when the pin is LOW (default false).
 * The inputs take the wiring of {@link LaneIoConfig.Input#photocell} and {@link LaneIoConfig.Input#normallyClosedStop}.
 */
public record LaneIoSection(Integer entryCell, Integer exitCell, Integer emergencyStop, Light light) {

    /** Two lamps ({@code green} and {@code red}) or one busy output ({@code busy}). */
    public record Light(Integer green, Integer red, Integer busy, Boolean activeLow) {}

    /**
     * The wiring this section describes.
     *
     * @param where    {@code FILE: laneIo}, the start of every error message
     * @param luxmeter where the BH1750 sits (the lights instrument's, or the usual address when there is none)
     * @throws IllegalArgumentException naming the field when a value is missing, out of range or a pin is reused
     */
    LaneIoConfig toConfig(String where, LaneIoConfig.I2cAddress luxmeter) {
        Map<String, Integer> pins = new LinkedHashMap<>();
        LaneIoConfig.Input entry = LaneIoConfig.Input.photocell(pin(where, "entryCell", entryCell, pins));
        LaneIoConfig.Input exit = LaneIoConfig.Input.photocell(pin(where, "exitCell", exitCell, pins));
        LaneIoConfig.Input stop = LaneIoConfig.Input.normallyClosedStop(pin(where, "emergencyStop", emergencyStop, pins));
        LaneIoConfig.Light lamps = light(where, pins);
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> p : pins.entrySet()) {
            String other = seen.putIfAbsent(p.getValue(), p.getKey());
            if (other != null) {
                throw new IllegalArgumentException(where + ": BCM " + p.getValue() + " is used twice (" + other
                        + " and " + p.getKey() + ")");
            }
        }
        return new LaneIoConfig(entry, exit, stop, lamps, luxmeter);
    }

    private LaneIoConfig.Light light(String where, Map<String, Integer> pins) {
        if (light == null) {
            throw new IllegalArgumentException(where + ".light: required: {green: N, red: N} or {busy: N}");
        }
        boolean activeLow = Boolean.TRUE.equals(light.activeLow());
        boolean twoLamps = light.green() != null || light.red() != null;
        if (twoLamps == (light.busy() != null)) {
            throw new IllegalArgumentException(where + ".light: give green and red, or busy");
        }
        if (twoLamps) {
            int green = pin(where, "light.green", light.green(), pins);
            int red = pin(where, "light.red", light.red(), pins);
            return new LaneIoConfig.TwoLamps(green, red, activeLow);
        }
        return new LaneIoConfig.BusySignal(pin(where, "light.busy", light.busy(), pins), activeLow);
    }

    /** A BCM pin number from field {@code name} (a path under laneIo), checked, and remembered in {@code pins}. */
    private static int pin(String where, String name, Integer value, Map<String, Integer> pins) {
        String field = where + "." + name;
        if (value == null) {
            throw new IllegalArgumentException(field + ": required (a BCM GPIO number, 0..27)");
        }
        if (value < 0 || value > 27) {
            throw new IllegalArgumentException(field + ": not a BCM GPIO number of the 40-pin header (0..27): " + value);
        }
        pins.put(name, value);
        return value;
    }
}
