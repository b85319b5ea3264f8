package co.rtm.agent.instruments.lane;

import java.time.Duration;

/**
 * The ROHM BH1750FVI ambient light sensor's protocol, as far as this project uses it (datasheet facts): one-byte
 * opcodes written to the device, and a two-byte big-endian count read back. Pure; no I/O.
 */
public final class Bh1750 {

    /** Opcode: wake up and wait for a measurement command. */
    public static final byte POWER_ON = 0x01;
    /** Opcode: measure continuously at 1 lx resolution (high-resolution mode). */
    public static final byte CONTINUOUS_HIGH_RES = 0x10;
    /** Longest time one high-resolution measurement takes (datasheet maximum; typical 120 ms). */
    public static final Duration MEASUREMENT_TIME = Duration.ofMillis(180);
    /** Counts per lux at the default measurement time (MTreg 69) in high-resolution mode. */
    public static final double COUNTS_PER_LUX = 1.2;

    private Bh1750() {}

    /** The raw count from the two bytes the device returns, most significant first: 0..65535. */
    public static int raw(byte high, byte low) {
        return (high & 0xFF) << 8 | (low & 0xFF);
    }

    /** Illuminance in lux for a raw count in continuous high-resolution mode: raw / 1.2 (0 .. 54612.5 lx). */
    public static double lux(int raw) {
        if (raw < 0 || raw > 0xFFFF) {
            throw new IllegalArgumentException("BH1750 count out of 16 bits: " + raw);
        }
        return raw / COUNTS_PER_LUX;
    }
}
