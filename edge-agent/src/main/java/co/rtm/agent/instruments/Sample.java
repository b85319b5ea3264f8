package co.rtm.agent.instruments;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The typed values drivers read, one record per kind of value. Units are in the names; values are raw, as the
 * instrument sent them (rounding is the scorer's business). Adding an instrument family adds records here.
 */
public sealed interface Sample {

    // --- roller brake tester ---------------------------------------------------------------------------

    enum Wheel { LEFT, RIGHT, SINGLE }

    enum Circuit { SERVICE, PARKING }

    /** One point of the braking force stream of one wheel, newtons. */
    record BrakeForce(int axle, Wheel wheel, Circuit circuit, double forceN) implements Sample {}

    /** Axle weight from the tester's scale, newtons. */
    record AxleWeight(int axle, double weightN) implements Sample {}

    // --- gas analyser (NTC 4983 / NTC 5365) -------------------------------------------------------------

    /** One analyser sample: the four gases, engine speed and oil temperature (absent when no probe). */
    record GasSample(double hcPpm, double coPct, double co2Pct, double o2Pct, double rpm,
                     OptionalDouble oilTempC) implements Sample {}

    enum GasCheckKind { LEAK, ZERO, HC_RESIDUE, WARM_UP }

    /** Result of one of the checks the analyser runs before a test; {@code value} as the device reports it. */
    record GasCheck(GasCheckKind check, boolean passed, double value) implements Sample {}

    // --- opacimeter (NTC 4231) --------------------------------------------------------------------------

    /** One point of the opacity trace, in m^-1. */
    record OpacityTrace(double k) implements Sample {}

    /** A free-acceleration peak the opacimeter detected: set number from 1, peak 1..3 within the set. */
    record OpacityPeak(int set, int peak, double k) implements Sample {}

    /** Seconds the engine took to reach governed speed in the last acceleration. */
    record GovernedSpeed(double reachedS) implements Sample {}

    /** Zero drift measured after the last set, m^-1. */
    record ZeroDrift(double k) implements Sample {}

    // --- headlight tester / luxmeter --------------------------------------------------------------------

    /** One low beam: intensity at 1 m in klux, inclination in percent below the horizon. */
    record LampReading(String side, double intensityKlux, double inclinationPct) implements Sample {}

    /** Sum of all lamps lit together, klux. */
    record LampSum(double klux) implements Sample {}

    /** A plain illuminance reading (an I2C light sensor used as a luxmeter), lux. */
    record Illuminance(double lux) implements Sample {}

    // --- suspension, side slip, tread, sound --------------------------------------------------------------

    /** EUSAMA adherence of one wheel, percent. */
    record Adherence(String position, double adherencePct) implements Sample {}

    /** Lateral deviation of one axle over the plate, m/km (signed). */
    record Sideslip(int axle, double mPerKm) implements Sample {}

    /** Tread depth at one tyre, millimetres. */
    record TreadDepth(String position, double depthMm) implements Sample {}

    /** Sound level, dB(A). */
    record SoundLevel(double dBA) implements Sample {}

    // --- GPS (NMEA 0183) ----------------------------------------------------------------------------------

    /**
     * A position fix. {@code deviceTime} is the receiver's UTC time; the reading's {@code at} is receipt time.
     * Optional values are NaN when the sentence did not carry them.
     */
    record GpsFix(Instant deviceTime, double lat, double lon, double altitudeM, double speedKmh, double courseDeg,
                  int quality, int satellites, double hdop) implements Sample {}

    // --- fingerprint reader ---------------------------------------------------------------------------------

    /** A captured fingerprint: the SourceAFIS template (serialized) and the image it came from, if kept. */
    record FingerprintCapture(byte[] template, int widthPx, int heightPx, double dpi) implements Sample {}

    // --- lane itself (Pi4J) ---------------------------------------------------------------------------------

    /** A vehicle-presence photocell changed state. */
    record Presence(String cell, boolean occupied) implements Sample {}
}
