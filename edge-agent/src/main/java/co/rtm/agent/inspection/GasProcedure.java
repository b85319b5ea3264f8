package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.GasCheck;
import co.rtm.agent.instruments.Sample.GasCheckKind;
import co.rtm.agent.instruments.Sample.GasSample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.Vehicle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The spark-ignition exhaust test (NTC 4983 cars, NTC 5365 motorcycles; {@code docs/instruments.md, gas}):
 * <ol>
 * <li>the analyser identifies itself with a verification valid on the test day;</li>
 * <li>it reports warm-up done and passed leak, zero and HC-residue checks (samples before are ignored; a failed
 *     leak, zero or residue check makes the test invalid);</li>
 * <li>the first sample after the checks gives the oil temperature: absent, or below 60 °C (cars) / 40 °C
 *     (motorcycle family), the test is invalid;</li>
 * <li>idle phase (rpm 400..1,100 cars, 400..1,800 motorcycles), then for cars the cruise phase (2,500 ± 250 rpm).
 *     A phase is measured once the engine speed has stayed in its band for {@link #STABLE} without a break; its
 *     values are the means of the samples of the last {@link #AVERAGED} of that window. Samples outside the band
 *     restart the window.</li>
 * </ol>
 * Any fault from the analyser makes the test invalid.
 */
public final class GasProcedure implements TestProcedure<Measurements.Gas> {

    /** How long the engine speed must stay in its band. */
    public static final Duration STABLE = Duration.ofSeconds(10);
    /** The tail of the stable window that is averaged. */
    public static final Duration AVERAGED = Duration.ofSeconds(5);

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final Set<GasCheckKind> REQUIRED = EnumSet.of(GasCheckKind.LEAK, GasCheckKind.ZERO,
            GasCheckKind.HC_RESIDUE);

    private enum Phase { CHECKS, IDLE, CRUISE }

    private record Timed(Instant at, GasSample s) {}

    private final boolean motorcycle;
    private final double minOilC;
    private final double idleMaxRpm;
    private final Set<GasCheckKind> passed = EnumSet.noneOf(GasCheckKind.class);
    private final Deque<Timed> window = new ArrayDeque<>();

    private boolean identified;
    private boolean warm;
    private Phase phase = Phase.CHECKS;
    private OptionalDouble oilC = OptionalDouble.empty();
    private Measurements.GasPhase idle;
    private TestOutcome<Measurements.Gas> outcome;

    /** @param motorcycle motorcycle family: idle only, oil at least 40 °C, idle up to 1,800 rpm */
    public GasProcedure(boolean motorcycle) {
        this.motorcycle = motorcycle;
        this.minOilC = motorcycle ? 40 : 60;
        this.idleMaxRpm = motorcycle ? 1_800 : 1_100;
    }

    public static GasProcedure forVehicle(Vehicle v) {
        return new GasProcedure(v.kind().isMotorcycleFamily());
    }

    @Override
    public TestKind test() { return TestKind.GAS; }

    @Override
    public String prompt() {
        if (outcome != null) {
            return outcome instanceof TestOutcome.Measured<?> ? "Prueba de gases terminada" : "Prueba de gases inválida";
        }
        if (!identified) {
            return "Esperando identificación del analizador";
        }
        if (!warm) {
            return "Analizador en calentamiento";
        }
        return switch (phase) {
            case CHECKS -> "Verificando fugas, cero y residuos de HC";
            case IDLE -> "Inserte la sonda y mantenga el motor en ralentí";
            case CRUISE -> "Acelere y mantenga 2.500 rpm";
        };
    }

    @Override
    public boolean accept(InstrumentEvent event) {
        if (outcome != null) {
            return true;
        }
        if (event instanceof Identified id) {
            if (!id.identity().verifiedOn(LocalDate.ofInstant(id.at(), BOGOTA))) {
                return invalid("verificación del analizador de gases vencida el " + id.identity().verificationDue());
            }
            identified = true;
        } else if (event instanceof Fault f) {
            invalid("falla del analizador de gases: " + f.detail());
        } else if (event instanceof Reading r) {
            if (!identified) {
                return invalid("el analizador envió lecturas sin identificarse");
            }
            if (r.sample() instanceof GasCheck c) {
                onCheck(c);
            } else if (r.sample() instanceof GasSample s) {
                onSample(r.at(), s);
            }
        }
        return outcome != null;
    }

    private void onCheck(GasCheck c) {
        if (c.check() == GasCheckKind.WARM_UP) {
            warm = c.passed();
        } else if (!c.passed()) {
            invalid(switch (c.check()) {
                case LEAK -> "prueba de fugas fallida";
                case ZERO -> "ajuste de cero fallido";
                default -> "residuos de HC por encima del límite";
            } + " (valor " + c.value() + ")");
        } else {
            passed.add(c.check());
        }
    }

    private void onSample(Instant at, GasSample s) {
        if (phase == Phase.CHECKS) {
            if (!warm || !passed.containsAll(REQUIRED)) {
                return;
            }
            if (s.oilTempC().isEmpty()) {
                invalid("sin lectura de temperatura del aceite");
                return;
            }
            if (s.oilTempC().getAsDouble() < minOilC) {
                invalid("temperatura del aceite " + s.oilTempC().getAsDouble() + " °C menor que " + (int) minOilC + " °C");
                return;
            }
            oilC = s.oilTempC();
            phase = Phase.IDLE;
        }
        boolean inBand = phase == Phase.IDLE ? s.rpm() >= 400 && s.rpm() <= idleMaxRpm
                : s.rpm() >= 2_250 && s.rpm() <= 2_750;
        if (!inBand) {
            window.clear();
            return;
        }
        window.addLast(new Timed(at, s));
        if (Duration.between(window.peekFirst().at(), at).compareTo(STABLE) < 0) {
            return;
        }
        Measurements.GasPhase value = mean(at.minus(AVERAGED));
        window.clear();
        if (phase == Phase.IDLE) {
            idle = value;
            if (motorcycle) {
                outcome = new TestOutcome.Measured<>(new Measurements.Gas(oilC, idle, null));
            } else {
                phase = Phase.CRUISE;
            }
        } else {
            outcome = new TestOutcome.Measured<>(new Measurements.Gas(oilC, idle, value));
        }
    }

    /** Means of the samples strictly after {@code from}. */
    private Measurements.GasPhase mean(Instant from) {
        double rpm = 0, co = 0, co2 = 0, o2 = 0, hc = 0;
        int n = 0;
        for (Timed t : window) {
            if (t.at().isAfter(from)) {
                rpm += t.s().rpm();
                co += t.s().coPct();
                co2 += t.s().co2Pct();
                o2 += t.s().o2Pct();
                hc += t.s().hcPpm();
                n++;
            }
        }
        return new Measurements.GasPhase(rpm / n, co / n, co2 / n, o2 / n, hc / n);
    }

    private boolean invalid(String reason) {
        outcome = new TestOutcome.Invalid<>(reason);
        return true;
    }

    @Override
    public TestOutcome<Measurements.Gas> outcome() {
        if (outcome == null) {
            throw new IllegalStateException("the gas test has not finished");
        }
        return outcome;
    }

    @Override
    public void abort(String reason) {
        if (outcome == null) {
            outcome = new TestOutcome.Invalid<>(reason);
        }
    }
}
