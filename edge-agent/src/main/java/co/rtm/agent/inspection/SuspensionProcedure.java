package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.Vehicle;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * EUSAMA suspension test: one adherence reading per expected wheel position ({@code FL FR RL RR}, then
 * {@code 3L 3R}..; the last reading of a position counts); the block lists the wheels in position order.
 * Readings of positions not expected are ignored. Any fault, or an identity whose verification has expired on
 * the reading's day, makes it invalid.
 */
public final class SuspensionProcedure implements TestProcedure<Measurements.Suspension> {

    private static final ZoneId LANE_ZONE = ZoneId.of("America/Bogota");

    private final List<String> positions;
    private final Map<String, Double> adherence = new HashMap<>();
    private TestOutcome<Measurements.Suspension> outcome;

    public SuspensionProcedure(List<String> positions) {
        if (positions.isEmpty() || new LinkedHashSet<>(positions).size() != positions.size()) {
            throw new IllegalArgumentException("positions must be distinct and not empty: " + positions);
        }
        this.positions = List.copyOf(positions);
    }

    /** Both wheels of every axle (default 2); the shaker plates do not test motorcycles or motocarros. */
    public static SuspensionProcedure forVehicle(Vehicle v) {
        if (v.kind().isMotorcycleFamily()) {
            throw new IllegalArgumentException("the suspension test does not apply to " + v.kind().json());
        }
        return new SuspensionProcedure(TreadProcedure.axlePositions(v.axles().orElse(2), false));
    }

    @Override
    public TestKind test() { return TestKind.SUSPENSION; }

    @Override
    public String prompt() {
        if (outcome != null) {
            return outcome instanceof TestOutcome.Measured ? "Prueba de suspensión terminada" : "Prueba de suspensión inválida";
        }
        for (String p : positions) {
            if (!adherence.containsKey(p)) {
                return "Suba el eje de la rueda " + p + " a las placas y espere la prueba";
            }
        }
        return "";
    }

    @Override
    public boolean accept(InstrumentEvent event) {
        if (outcome != null) {
            return true;
        }
        if (event instanceof Fault f) {
            outcome = new TestOutcome.Invalid<>("falla del banco de suspensión (" + f.kind() + "): " + f.detail());
        } else if (event instanceof Identified id && !id.identity().verifiedOn(id.at().atZone(LANE_ZONE).toLocalDate())) {
            outcome = new TestOutcome.Invalid<>("calibración del banco de suspensión vencida el " + id.identity().verificationDue());
        } else if (event instanceof Reading r && r.sample() instanceof Sample.Adherence a && positions.contains(a.position())) {
            adherence.put(a.position(), a.adherencePct());
            if (adherence.size() == positions.size()) {
                outcome = new TestOutcome.Measured<>(new Measurements.Suspension(positions.stream()
                        .map(p -> new Measurements.SuspensionWheel(p, adherence.get(p))).toList()));
            }
        }
        return outcome != null;
    }

    @Override
    public TestOutcome<Measurements.Suspension> outcome() { return outcome; }

    @Override
    public void abort(String reason) {
        if (outcome == null) {
            outcome = new TestOutcome.Invalid<>(reason);
        }
    }
}
