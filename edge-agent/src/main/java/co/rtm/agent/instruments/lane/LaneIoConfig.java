package co.rtm.agent.instruments.lane;

import java.time.Duration;
import java.util.Objects;

/**
 * How the lane's own hardware is wired to the Raspberry Pi: pins are BCM GPIO numbers (not header pin numbers).
 *
 * @param entryCell     vehicle-presence photocell at the lane entry
 * @param exitCell      vehicle-presence photocell at the lane exit
 * @param emergencyStop the emergency stop button
 * @param light         the lane light (green/red lamps, or one "lane busy" output)
 * @param luxmeter      where the BH1750 light sensor sits on I2C
 */
public record LaneIoConfig(Input entryCell, Input exitCell, Input emergencyStop, Light light, I2cAddress luxmeter) {

    public LaneIoConfig {
        Objects.requireNonNull(entryCell, "entryCell");
        Objects.requireNonNull(exitCell, "exitCell");
        Objects.requireNonNull(emergencyStop, "emergencyStop");
        Objects.requireNonNull(light, "light");
        Objects.requireNonNull(luxmeter, "luxmeter");
    }

    /** The internal pull resistor of an input. */
    public enum Pull { UP, DOWN, OFF }

    /**
     * One digital input.
     *
     * @param bcm       BCM GPIO number, 0..27
     * @param pull      internal pull resistor
     * @param activeLow true when the pin reads LOW while the input is active (cell occupied, stop pressed)
     * @param debounce  how long the level must hold before it counts (handed to the Pi4J provider); zero for none
     */
    public record Input(int bcm, Pull pull, boolean activeLow, Duration debounce) {
        public Input {
            checkPin(bcm);
            Objects.requireNonNull(pull, "pull");
            Objects.requireNonNull(debounce, "debounce");
            if (debounce.isNegative()) {
                throw new IllegalArgumentException("debounce must not be negative: " + debounce);
            }
        }

        /**
         * A photocell with an open-collector (NPN) output: pulled up, LOW while the beam is broken, 10 ms debounce.
         */
        public static Input photocell(int bcm) {
            return new Input(bcm, Pull.UP, true, Duration.ofMillis(10));
        }

        /**
         * An emergency stop with a normally-closed contact to ground: pulled up, so the pin reads HIGH when the
         * button is pressed <em>and</em> when the wire is cut (fail-safe); 20 ms debounce.
         */
        public static Input normallyClosedStop(int bcm) {
            return new Input(bcm, Pull.UP, false, Duration.ofMillis(20));
        }
    }

    /** How the lane light is wired. */
    public sealed interface Light permits TwoLamps, BusySignal {}

    /**
     * A green lamp and a red lamp, each on its own output.
     *
     * @param activeLow true for relay boards that switch on when the pin is LOW
     */
    public record TwoLamps(int greenBcm, int redBcm, boolean activeLow) implements Light {
        public TwoLamps {
            checkPin(greenBcm);
            checkPin(redBcm);
            if (greenBcm == redBcm) {
                throw new IllegalArgumentException("green and red lamps on the same pin " + greenBcm);
            }
        }
    }

    /** One output that is on while the lane is busy (red) and off when it is free (green) or dark. */
    public record BusySignal(int bcm, boolean activeLow) implements Light {
        public BusySignal {
            checkPin(bcm);
        }
    }

    /** An I2C device: bus number ({@code /dev/i2c-N}) and 7-bit address. */
    public record I2cAddress(int bus, int address) {
        /** The BH1750 as usually wired on a Pi: bus 1, ADDR pin low (0x23). The other address is 0x5C. */
        public static final I2cAddress BH1750_DEFAULT = new I2cAddress(1, 0x23);

        public I2cAddress {
            if (bus < 0) {
                throw new IllegalArgumentException("I2C bus must not be negative: " + bus);
            }
            if (address < 0x03 || address > 0x77) {
                throw new IllegalArgumentException("not a 7-bit I2C device address: 0x" + Integer.toHexString(address));
            }
        }
    }

    private static void checkPin(int bcm) {
        if (bcm < 0 || bcm > 27) {
            throw new IllegalArgumentException("not a BCM GPIO number of the 40-pin header (0..27): " + bcm);
        }
    }
}
