package co.rtm.sim.instruments.lights;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated lane device plays the true values it was given: Gaussian noise of standard deviation
 * {@code noise} (in each value's own unit), one value fault, and the pause between streamed records. The same
 * seed gives the same bytes. Shared by the lights, suspension, sideslip, tread and sound devices.
 *
 * @param driftPerReading what {@link ValueFault#DRIFT} adds to every value per reading already sent
 */
public record Playback(long seed, double noise, ValueFault fault, double driftPerReading, Duration interval) {

    /** The device's own value faults (wire faults are the transport server's). */
    public enum ValueFault {
        NONE,
        /** Every value repeats the first one the device sent in that field. */
        STUCK,
        /** Values walk away from the truth by {@code driftPerReading} per record made before (the first is exact). */
        DRIFT,
        /** The ID record says the verification ran out 35 days ago. */
        EXPIRED_CALIBRATION,
        /** The device sends an {@code ER} frame before its second reading. */
        ERROR_FRAME
    }

    public Playback {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(interval, "interval");
        if (noise < 0 || interval.isNegative()) {
            throw new IllegalArgumentException("noise and interval must not be negative");
        }
    }

    /** No noise, no fault, a record every 500 ms. */
    public static Playback exact(long seed) {
        return new Playback(seed, 0.0, ValueFault.NONE, 0.0, Duration.ofMillis(500));
    }

    /** Small noise, no fault, a record every 500 ms. */
    public static Playback noisy(long seed, double noise) {
        return new Playback(seed, noise, ValueFault.NONE, 0.0, Duration.ofMillis(500));
    }

    public Playback with(ValueFault f) {
        return new Playback(seed, noise, f, f == ValueFault.DRIFT && driftPerReading == 0 ? 0.5 : driftPerReading, interval);
    }
}
