package co.rtm.sim.instruments.opacity;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.OpacityUnit;
import co.rtm.sim.instruments.ScriptedDevice;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * An opacimeter running the NTC 4231 free-acceleration cycle on one vehicle's true values
 * ({@code docs/instruments.md, opacity}). From its first {@link #tick}: identity, 3 s of clean-air trace, the purge
 * acceleration (peak 0.2 m^-1 above the first set's), then every set of the truth, in order, one acceleration per
 * peak (trace rises for 1 s to the peak, decays for 2 s; then the {@code PK} and {@code GV} records; 3 s of rest),
 * then the zero drift. Trace at 20 samples a second; peaks carry 0.02 m^-1 of seeded noise, and the trace's highest
 * point is exactly the reported peak. Truth values in {@code percent} are converted to k. Answers {@code ?ID} with
 * its identity, {@code ZE}, {@code ST}, {@code SP} with {@code AK}, anything else with an {@code ER} frame.
 */
public final class OpacityDevice extends ScriptedDevice {

    public enum ValueFault {
        NONE,
        /** The trace freezes for 3 s during the first measured acceleration. */
        STUCK,
        /** The baseline (and so every peak) reads high by 0.01 m^-1 more every second; the zero drift shows it. */
        DRIFT,
        /** The identity carries a verification that expired 35 days ago. */
        EXPIRED_CALIBRATION,
        /** A smoke-chamber error frame right after the purge. */
        ERROR_FRAME
    }

    public record Config(long seed, ValueFault fault) {
        public Config {
            Objects.requireNonNull(fault, "fault");
        }

        public static Config clean(long seed) {
            return new Config(seed, ValueFault.NONE);
        }
    }

    static final int SAMPLE_MS = 50;

    private final Measurements.Opacity truth;
    private final Config config;
    private final Random random;

    public OpacityDevice(Measurements.Opacity truth, Config config) {
        this.truth = Objects.requireNonNull(truth, "truth");
        this.config = Objects.requireNonNull(config, "config");
        this.random = new Random(config.seed());
    }

    @Override
    public InstrumentKind kind() { return InstrumentKind.OPACITY; }

    @Override
    protected byte[] answer(String payload, Instant at) {
        return switch (payload) {
            case "?ID" -> identity(at);
            case "ZE", "ST", "SP" -> AsciiFrames.encode("AK", payload);
            default -> AsciiFrames.encode("ER", "E01", "unknown command");
        };
    }

    private byte[] identity(Instant at) {
        return identityFrame(at, "OP-430", "OP" + Math.abs(config.seed() % 100_000), "3.1.0",
                config.fault() == ValueFault.EXPIRED_CALIBRATION);
    }

    @Override
    protected void build() {
        emit(identity(start()));
        rest(60);
        List<List<Double>> sets = truth.sets();
        double first = sets.isEmpty() ? 1.0 : sets.get(0).stream().mapToDouble(this::k).average().orElse(1.0);
        double governed = truth.governedSpeedReachedS().orElse(1.5);
        accelerate(0, 1, first + 0.2, governed - Math.abs(0.1 * random.nextGaussian()), false);
        if (config.fault() == ValueFault.ERROR_FRAME) {
            emit(AsciiFrames.encode("ER", "E21", "smoke chamber below temperature"));
        }
        for (int s = 0; s < sets.size(); s++) {
            for (int p = 0; p < 3; p++) {
                double gs = s == 0 && p == 0 ? governed : governed - Math.abs(0.1 * random.nextGaussian());
                accelerate(s + 1, p + 1, k(sets.get(s).get(p)) + 0.02 * random.nextGaussian(), gs,
                        config.fault() == ValueFault.STUCK && s == 0 && p == 0);
            }
        }
        rest(40);
        double zero = truth.zeroDriftK().orElse(0.03) + drift();
        emit(AsciiFrames.encode("ZD", f2(Math.max(-2, Math.min(2, zero)))));
    }

    /** One free acceleration: 20 samples rising to the peak, 40 decaying, the records, then 60 samples of rest. */
    private void accelerate(int set, int peak, double k, double governedS, boolean freeze) {
        double top = Math.max(0, Math.min(10, Math.round((k + drift()) * 100) / 100.0));
        double base = baseline();
        String frozen = null;
        for (int i = 1; i <= 60; i++) {
            double v = i <= 20 ? base + (top - base) * i / 20.0 : base + (top - base) * Math.exp(-(i - 20) / 8.0);
            String point = i == 20 ? f2(top) : f2(Math.max(0, Math.min(top, v + 0.01 * random.nextGaussian())));
            if (freeze && i >= 10) {
                frozen = frozen == null ? point : frozen;
                point = frozen;
            }
            t += SAMPLE_MS;
            emit(AsciiFrames.encode("OT", point));
        }
        emit(AsciiFrames.encode("PK", set, peak, f2(top)));
        emit(AsciiFrames.encode("GV", f2(Math.max(0, governedS))));
        rest(60);
    }

    private void rest(int samples) {
        for (int i = 0; i < samples; i++) {
            t += SAMPLE_MS;
            emit(AsciiFrames.encode("OT", f2(baseline() + Math.abs(0.01 * random.nextGaussian()))));
        }
    }

    private double baseline() {
        return 0.02 + drift();
    }

    private double drift() {
        return config.fault() == ValueFault.DRIFT ? 0.01 * t / 1000.0 : 0;
    }

    private double k(double value) {
        return truth.unit().convert(value, OpacityUnit.K);
    }


    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
