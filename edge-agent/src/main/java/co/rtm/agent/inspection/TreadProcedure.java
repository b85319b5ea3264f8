package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Tread depth of every tyre with the digital gauge: one reading per expected position (the last reading of a
 * position counts); the block lists the depths in position order. Readings of positions not expected are
 * ignored. Any fault, or an identity whose verification has expired on the reading's day, makes it invalid.
 */
public final class TreadProcedure implements TestProcedure<Measurements.Tyres> {

    private static final ZoneId LANE_ZONE = ZoneId.of("America/Bogota");

    private final List<String> positions;
    private final Map<String, Double> depths = new HashMap<>();
    private TestOutcome<Measurements.Tyres> outcome;

    /** @param positions tyre positions to read, in block order (see {@link #tyrePositions}) */
    public TreadProcedure(List<String> positions) {
        if (positions.isEmpty() || new LinkedHashSet<>(positions).size() != positions.size()) {
            throw new IllegalArgumentException("positions must be distinct and not empty: " + positions);
        }
        this.positions = List.copyOf(positions);
    }

    public static TreadProcedure forVehicle(Vehicle v) {
        return new TreadProcedure(tyrePositions(v));
    }

    /**
     * The tyres of a vehicle, front to rear, left before right: motorcycle {@code F R}; motocarro
     * {@code F RL RR}; others {@code FL FR} on axle 1, {@code RL RR} on axle 2, {@code 3L 3R}.. beyond (axles
     * default 2); with twin wheels every axle but the first has outer and inner tyres ({@code RLO RLI RRI RRO},
     * {@code 3LO 3LI 3RI 3RO}..).
     */
    public static List<String> tyrePositions(Vehicle v) {
        if (v.kind() == VehicleKind.MOTORCYCLE) {
            return List.of("F", "R");
        }
        if (v.kind() == VehicleKind.MOTOCARRO) {
            return List.of("F", "RL", "RR");
        }
        return axlePositions(v.axles().orElse(2), v.twinWheels());
    }

    /** Left/right positions of {@code axles} axles, optionally with twin (outer/inner) wheels behind axle 1. */
    public static List<String> axlePositions(int axles, boolean twinRear) {
        if (axles < 1 || axles > 9) {
            throw new IllegalArgumentException("axles must be 1..9, was " + axles);
        }
        List<String> out = new ArrayList<>();
        for (int a = 1; a <= axles; a++) {
            String p = a == 1 ? "F" : a == 2 ? "R" : Integer.toString(a);
            if (a > 1 && twinRear) {
                out.addAll(List.of(p + "LO", p + "LI", p + "RI", p + "RO"));
            } else {
                out.addAll(List.of(p + "L", p + "R"));
            }
        }
        return out;
    }

    @Override
    public TestKind test() { return TestKind.TYRES; }

    @Override
    public String prompt() {
        if (outcome != null) {
            return outcome instanceof TestOutcome.Measured ? "Medición de labrado terminada" : "Medición de labrado inválida";
        }
        for (String p : positions) {
            if (!depths.containsKey(p)) {
                return "Mida el labrado de la llanta " + p + " y guarde la lectura";
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
            outcome = new TestOutcome.Invalid<>("falla del profundímetro (" + f.kind() + "): " + f.detail());
        } else if (event instanceof Identified id && !id.identity().verifiedOn(id.at().atZone(LANE_ZONE).toLocalDate())) {
            outcome = new TestOutcome.Invalid<>("calibración del profundímetro vencida el " + id.identity().verificationDue());
        } else if (event instanceof Reading r && r.sample() instanceof Sample.TreadDepth t && positions.contains(t.position())) {
            depths.put(t.position(), t.depthMm());
            if (depths.size() == positions.size()) {
                outcome = new TestOutcome.Measured<>(new Measurements.Tyres(positions.stream().map(depths::get).toList()));
            }
        }
        return outcome != null;
    }

    @Override
    public TestOutcome<Measurements.Tyres> outcome() { return outcome; }

    @Override
    public void abort(String reason) {
        if (outcome == null) {
            outcome = new TestOutcome.Invalid<>(reason);
        }
    }
}
