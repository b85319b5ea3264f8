package co.rtm.sim.instruments.brake;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.ScriptedDevice;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * A roller brake tester playing one vehicle's true brake values ({@code docs/instruments.md, brake}). From its
 * first {@link #tick} it sends its identity, then for each axle: the axle weight, a service run (force ramps up
 * for 2 s, holds 1 s, drops when the wheels slip, 20 samples a second), a new weight and a parking run on axles
 * whose truth has parking forces, and a zero weight when the axle leaves. The maximum force of each run is the true
 * value (noise only pulls the plateau down), weights carry 0.3 % noise, all seeded. Answers {@code ?ID} with its
 * identity, {@code ZR} and {@code AB} with {@code AK}, anything else with an {@code ER} frame.
 */
public final class BrakeDevice extends ScriptedDevice {

    /** A value fault of the device itself. */
    public enum ValueFault {
        NONE,
        /** The left load cell freezes mid-run on axle 1; the technician's repeat freezes again. */
        STUCK,
        /** Forces read high by 40 N more every second (an undetectable value fault: see the docs). */
        DRIFT,
        /** The identity carries a verification that expired 35 days ago. */
        EXPIRED_CALIBRATION,
        /** An error frame (roller motor overload) aborts axle 1's service run, which is then repeated cleanly. */
        ERROR_FRAME
    }

    /** @param seed the noise seed: the same seed and truth give the same bytes */
    public record Config(long seed, ValueFault fault) {
        public Config {
            Objects.requireNonNull(fault, "fault");
        }

        public static Config clean(long seed) {
            return new Config(seed, ValueFault.NONE);
        }
    }

    static final int SAMPLE_MS = 50;

    private final Measurements.Brakes truth;
    private final Config config;
    private final Random random;

    public BrakeDevice(Measurements.Brakes truth, Config config) {
        this.truth = Objects.requireNonNull(truth, "truth");
        this.config = Objects.requireNonNull(config, "config");
        this.random = new Random(config.seed());
    }

    @Override
    public InstrumentKind kind() { return InstrumentKind.BRAKE; }

    @Override
    protected byte[] answer(String payload, Instant at) {
        return switch (payload) {
            case "?ID" -> identity(at);
            case "ZR", "AB" -> AsciiFrames.encode("AK", payload);
            default -> AsciiFrames.encode("ER", "E01", "unknown command");
        };
    }

    private byte[] identity(Instant at) {
        return identityFrame(at, "FR-3000", "BR" + Math.abs(config.seed() % 100_000), "2.4.1",
                config.fault() == ValueFault.EXPIRED_CALIBRATION);
    }

    @Override
    protected void build() {
        emit(identity(start()));
        List<Measurements.BrakeAxle> axles = truth.axles();
        for (int i = 0; i < axles.size(); i++) {
            Measurements.BrakeAxle a = axles.get(i);
            int axle = i + 1;
            boolean single = a.serviceN().isPresent();
            boolean faulty = axle == 1 && (config.fault() == ValueFault.STUCK || config.fault() == ValueFault.ERROR_FRAME);
            weigh(axle, a.weightN());
            if (single) {
                run(axle, "S", a.serviceN().getAsDouble(), Double.NaN, faulty);
            } else {
                run(axle, "S", a.serviceLeftN().orElse(0), a.serviceRightN().orElse(0), faulty);
            }
            if (faulty) {
                weigh(axle, a.weightN()); // the technician repeats the run
                run(axle, "S", single ? a.serviceN().getAsDouble() : a.serviceLeftN().orElse(0),
                        single ? Double.NaN : a.serviceRightN().orElse(0), config.fault() == ValueFault.STUCK);
            }
            if (!single && a.parkingLeftN().isPresent()) {
                weigh(axle, a.weightN());
                run(axle, "P", a.parkingLeftN().getAsDouble(), a.parkingRightN().orElse(0), false);
            }
            t += 1_500;
            emit(AsciiFrames.encode("AW", axle, 0));
        }
    }

    private void weigh(int axle, double weightN) {
        t += 1_500;
        emit(AsciiFrames.encode("AW", axle, Math.round(weightN * (1 + 0.003 * random.nextGaussian()))));
        t += 1_000;
    }

    /** One run: 40 samples rising, 20 holding, 20 falling; NaN right = single wheel. */
    private void run(int axle, String circuit, double left, double right, boolean faulty) {
        double frozen = Double.NaN;
        for (int i = 0; i < 80; i++) {
            t += SAMPLE_MS;
            if (faulty && config.fault() == ValueFault.ERROR_FRAME && i == 30) {
                emit(AsciiFrames.encode("ER", "E12", "roller motor overload"));
                return;
            }
            double l = force(left, i);
            if (faulty && config.fault() == ValueFault.STUCK && i >= 30) {
                frozen = Double.isNaN(frozen) ? l : frozen;
                l = frozen;
            }
            emit(Double.isNaN(right)
                    ? AsciiFrames.encode("BS", axle, n(l))
                    : AsciiFrames.encode("BF", axle, circuit, n(l), n(force(right, i))));
        }
    }

    private double force(double peak, int i) {
        double shape = i < 40 ? (i + 1) / 40.0 : i < 60 ? 1 : Math.max(0, (79 - i) / 20.0);
        double f = peak * shape;
        if (i >= 40 && i < 60 && i != 50) {
            f -= Math.abs(random.nextGaussian()) * Math.max(2, 0.004 * peak);   // the plateau's jitter
        } else if (i < 40 || i >= 60) {
            f += random.nextGaussian() * Math.max(1, 0.004 * peak) * shape;
        }
        f = Math.min(f, peak);
        if (config.fault() == ValueFault.DRIFT) {
            f += 0.040 * t;
        }
        return Math.max(0, f);
    }


    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
