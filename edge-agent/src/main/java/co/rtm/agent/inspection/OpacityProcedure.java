package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.GovernedSpeed;
import co.rtm.agent.instruments.Sample.OpacityPeak;
import co.rtm.agent.instruments.Sample.ZeroDrift;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.OpacityUnit;
import co.rtm.profiles.inspection.TestKind;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The diesel free-acceleration opacity test (NTC 4231; {@code docs/instruments.md, opacity}):
 * <ol>
 * <li>the opacimeter identifies itself with a verification valid on the test day;</li>
 * <li>the purge acceleration (peak of set 0) comes first; a measured peak before it makes the test invalid;</li>
 * <li>peaks come in sets of three, in order (set 1 peaks 1..3, set 2 ...); a set whose spread {@code max - min}
 *     exceeds {@value #MAX_SPREAD_K} m^-1 is invalid and is repeated, up to {@value #MAX_INVALID_SETS} invalid sets.
 *     Measuring stops at the first valid set or at the third invalid one; every set is kept, in order, for the
 *     scorer (which decides the type A for three invalid sets);</li>
 * <li>the zero drift measured after the last set ends the test.</li>
 * </ol>
 * The governed-speed time reported is the longest of all accelerations, the purge included. Any fault makes the
 * test invalid; so does a peak out of sequence, or a zero drift before measuring has stopped.
 */
public final class OpacityProcedure implements TestProcedure<Measurements.Opacity> {

    public static final double MAX_SPREAD_K = 0.5;
    public static final int MAX_INVALID_SETS = 3;

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final List<List<Double>> sets = new ArrayList<>();
    private final List<Double> current = new ArrayList<>(3);
    private boolean identified;
    private boolean purged;
    private boolean measuring = true;
    private int invalidSets;
    private double governedMax = Double.NaN;
    private TestOutcome<Measurements.Opacity> outcome;

    @Override
    public TestKind test() { return TestKind.OPACITY; }

    @Override
    public String prompt() {
        if (outcome != null) {
            return outcome instanceof TestOutcome.Measured<?> ? "Prueba de opacidad terminada" : "Prueba de opacidad inválida";
        }
        if (!identified) {
            return "Esperando identificación del opacímetro";
        }
        if (!purged) {
            return "Acelere a fondo una vez para la purga";
        }
        if (measuring) {
            return "Conjunto " + (sets.size() + 1) + ": aceleración libre " + (current.size() + 1) + " de 3";
        }
        return "Retire la sonda: midiendo la deriva del cero";
    }

    @Override
    public boolean accept(InstrumentEvent event) {
        if (outcome != null) {
            return true;
        }
        if (event instanceof Identified id) {
            if (!id.identity().verifiedOn(LocalDate.ofInstant(id.at(), BOGOTA))) {
                return invalid("verificación del opacímetro vencida el " + id.identity().verificationDue());
            }
            identified = true;
        } else if (event instanceof Fault f) {
            invalid("falla del opacímetro: " + f.detail());
        } else if (event instanceof Reading r) {
            if (!identified) {
                return invalid("el opacímetro envió lecturas sin identificarse");
            }
            if (r.sample() instanceof OpacityPeak p) {
                onPeak(p);
            } else if (r.sample() instanceof GovernedSpeed g) {
                governedMax = Double.isNaN(governedMax) ? g.reachedS() : Math.max(governedMax, g.reachedS());
            } else if (r.sample() instanceof ZeroDrift z) {
                if (measuring) {
                    return invalid("medición de cero antes de un conjunto válido o de " + MAX_INVALID_SETS
                            + " conjuntos inválidos");
                }
                outcome = new TestOutcome.Measured<>(new Measurements.Opacity(OpacityUnit.K,
                        Double.isNaN(governedMax) ? OptionalDouble.empty() : OptionalDouble.of(governedMax),
                        List.copyOf(sets), OptionalDouble.of(z.k())));
            }
        }
        return outcome != null;
    }

    private void onPeak(OpacityPeak p) {
        if (p.set() == 0) {
            if (!sets.isEmpty() || !current.isEmpty()) {
                invalid("aceleración de purga después de empezar la medición");
            }
            purged = true;
            return;
        }
        if (!purged) {
            invalid("medición sin aceleración de purga");
            return;
        }
        if (!measuring || p.set() != sets.size() + 1 || p.peak() != current.size() + 1) {
            invalid("pico fuera de secuencia: conjunto " + p.set() + " pico " + p.peak());
            return;
        }
        current.add(p.k());
        if (current.size() < 3) {
            return;
        }
        List<Double> set = List.copyOf(current);
        current.clear();
        sets.add(set);
        double spread = set.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - set.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        if (spread > MAX_SPREAD_K) {
            measuring = ++invalidSets < MAX_INVALID_SETS;
        } else {
            measuring = false;
        }
    }

    private boolean invalid(String reason) {
        outcome = new TestOutcome.Invalid<>(reason);
        return true;
    }

    @Override
    public TestOutcome<Measurements.Opacity> outcome() {
        if (outcome == null) {
            throw new IllegalStateException("the opacity test has not finished");
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
