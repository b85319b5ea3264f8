package co.rtm.sim.instruments.gas;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.ScriptedDevice;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * A four-gas analyser with rpm and oil-temperature probes playing one vehicle's true exhaust values
 * ({@code docs/instruments.md, gas}). From its first {@link #tick}: identity, warm-up (two "not ready" checks, then
 * ready), leak, zero and HC-residue checks, then samples twice a second: 16 s at idle, and for a car 4 s
 * accelerating, 16 s at cruise and 4 s back to idle. Samples carry seeded noise around the truth (HC 2 ppm,
 * CO 0.01 %, CO2 0.05 %, O2 0.02 %, rpm 10, oil 0.3 °C). Answers {@code ?ID} with its identity, {@code CK}, {@code MS},
 * {@code MX} with {@code AK}, anything else with an {@code ER} frame.
 */
public final class GasDevice extends ScriptedDevice {

    public enum ValueFault {
        NONE,
        /** The bench freezes from the fourth idle sample on: every later sample is the same. */
        STUCK,
        /** CO reads high by 0.01 % and HC by 1 ppm more every second (undetectable by the decoder). */
        DRIFT,
        /** The identity carries a verification that expired 35 days ago. */
        EXPIRED_CALIBRATION,
        /** A low-flow error frame in the middle of the idle phase. */
        ERROR_FRAME,
        /** The leak check fails (12.5 % flow loss). */
        LEAK_CHECK_FAILED
    }

    public record Config(long seed, ValueFault fault) {
        public Config {
            Objects.requireNonNull(fault, "fault");
        }

        public static Config clean(long seed) {
            return new Config(seed, ValueFault.NONE);
        }
    }

    static final int SAMPLE_MS = 500;

    private final Measurements.Gas truth;
    private final Config config;
    private final Random random;
    private String frozen;

    public GasDevice(Measurements.Gas truth, Config config) {
        this.truth = Objects.requireNonNull(truth, "truth");
        this.config = Objects.requireNonNull(config, "config");
        this.random = new Random(config.seed());
    }

    @Override
    public InstrumentKind kind() { return InstrumentKind.GAS; }

    @Override
    protected byte[] answer(String payload, Instant at) {
        return switch (payload) {
            case "?ID" -> identity(at);
            case "CK", "MS", "MX" -> AsciiFrames.encode("AK", payload);
            default -> AsciiFrames.encode("ER", "E01", "unknown command");
        };
    }

    private byte[] identity(Instant at) {
        return identityFrame(at, "AG-500", "GA" + Math.abs(config.seed() % 100_000), "5.0.3",
                config.fault() == ValueFault.EXPIRED_CALIBRATION);
    }

    @Override
    protected void build() {
        emit(identity(start()));
        at(500, AsciiFrames.encode("CK", "WARM", "F", 20));
        at(1_500, AsciiFrames.encode("CK", "WARM", "F", 10));
        at(2_500, AsciiFrames.encode("CK", "WARM", "P", 0));
        boolean leakFails = config.fault() == ValueFault.LEAK_CHECK_FAILED;
        at(3_000, AsciiFrames.encode("CK", "LEAK", leakFails ? "F" : "P", leakFails ? "12.5" : "0.4"));
        at(4_000, AsciiFrames.encode("CK", "ZERO", "P", "0.00"));
        at(5_000, AsciiFrames.encode("CK", "HCR", "P", 4));
        t = 5_500;
        Measurements.GasPhase idle = truth.idle();
        for (int i = 0; i < 32; i++) {
            if (config.fault() == ValueFault.ERROR_FRAME && i == 16) {
                at(t + 250, AsciiFrames.encode("ER", "E07", "low sample flow"));
            }
            sample(idle, i);
        }
        if (truth.cruise() != null) {
            for (int i = 1; i <= 8; i++) {
                sample(blend(idle, truth.cruise(), i / 8.0), -1);
            }
            for (int i = 0; i < 32; i++) {
                sample(truth.cruise(), -1);
            }
            for (int i = 1; i <= 8; i++) {
                sample(blend(truth.cruise(), idle, i / 8.0), -1);
            }
        }
    }

    private void sample(Measurements.GasPhase p, int idleIndex) {
        t += SAMPLE_MS;
        double drift = config.fault() == ValueFault.DRIFT ? t / 1000.0 : 0;
        String oil = truth.oilTempC().isPresent()
                ? String.format(Locale.ROOT, "%.1f", truth.oilTempC().getAsDouble() + 0.3 * random.nextGaussian()) : "";
        String payload = String.format(Locale.ROOT, "GS,%d,%.2f,%.2f,%.2f,%d,%s",
                Math.round(Math.max(0, p.hcPpm() + 2 * random.nextGaussian() + drift)),
                Math.max(0, p.coPct() + 0.01 * random.nextGaussian() + 0.01 * drift),
                Math.max(0, p.co2Pct() + 0.05 * random.nextGaussian()),
                Math.max(0, p.o2Pct() + 0.02 * random.nextGaussian()),
                Math.round(Math.max(0, p.rpm() + 10 * random.nextGaussian())), oil);
        if (config.fault() == ValueFault.STUCK && (frozen != null || idleIndex == 3)) {
            frozen = frozen == null ? payload : frozen;
            payload = frozen;
        }
        emit(AsciiFrames.encode(payload));
    }

    private static Measurements.GasPhase blend(Measurements.GasPhase a, Measurements.GasPhase b, double x) {
        return new Measurements.GasPhase(a.rpm() + (b.rpm() - a.rpm()) * x, a.coPct() + (b.coPct() - a.coPct()) * x,
                a.co2Pct() + (b.co2Pct() - a.co2Pct()) * x, a.o2Pct() + (b.o2Pct() - a.o2Pct()) * x,
                a.hcPpm() + (b.hcPpm() - a.hcPpm()) * x);
    }


}
