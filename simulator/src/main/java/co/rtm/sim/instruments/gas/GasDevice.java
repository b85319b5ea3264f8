package co.rtm.sim.instruments.gas;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.agent.instruments.frame.AsciiFrameReader;
import co.rtm.agent.instruments.frame.AsciiFrames;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.sim.instruments.SimulatedDevice;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
public final class GasDevice implements SimulatedDevice {

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

    private record Frame(long atMs, byte[] bytes) {}

    static final int SAMPLE_MS = 500;
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final Measurements.Gas truth;
    private final Config config;
    private final Random random;
    private final AsciiFrameReader commands = new AsciiFrameReader();
    private final List<Frame> script = new ArrayList<>();
    private Instant start;
    private int next;
    private long t;
    private String frozen;

    public GasDevice(Measurements.Gas truth, Config config) {
        this.truth = Objects.requireNonNull(truth, "truth");
        this.config = Objects.requireNonNull(config, "config");
        this.random = new Random(config.seed());
    }

    @Override
    public InstrumentKind kind() { return InstrumentKind.GAS; }

    @Override
    public byte[] tick(Instant now) {
        if (start == null) {
            start = now;
            build();
        }
        long elapsed = now.toEpochMilli() - start.toEpochMilli();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (next < script.size() && script.get(next).atMs() <= elapsed) {
            out.writeBytes(script.get(next++).bytes());
        }
        return out.toByteArray();
    }

    /** Whether the whole test has been played. */
    public boolean finished() {
        return start != null && next == script.size();
    }

    @Override
    public byte[] onCommand(byte[] command, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        commands.feed(command, 0, command.length, now, new AsciiFrameReader.Listener() {
            @Override
            public void payload(String payload, Instant at) {
                out.writeBytes(switch (payload) {
                    case "?ID" -> identity(at);
                    case "CK", "MS", "MX" -> AsciiFrames.encode("AK", payload);
                    default -> AsciiFrames.encode("ER", "E01", "unknown command");
                });
            }

            @Override
            public void fault(Fault fault) {
                // a garbled command is ignored
            }
        });
        return out.toByteArray();
    }

    private byte[] identity(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, BOGOTA);
        LocalDate verified = today.minusDays(config.fault() == ValueFault.EXPIRED_CALIBRATION ? 400 : 120);
        return AsciiFrames.encode("ID", "RTM-Sim", "AG-500", "GA" + Math.abs(config.seed() % 100_000), "5.0.3",
                verified, verified.plusDays(365));
    }

    private void build() {
        emit(identity(start));
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

    private void at(long ms, byte[] frame) {
        script.add(new Frame(ms, frame));
    }

    private void emit(byte[] frame) {
        script.add(new Frame(t, frame));
    }
}
