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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Low-beam test with the headlight tester: one reading per expected lamp side (the last reading of a side
 * counts, so the technician may re-aim and read again) and, for four-wheel vehicles, the sum of every lamp lit
 * together. Readings of sides not expected are ignored. Any fault, or an identity whose verification has expired
 * on the reading's day (America/Bogota), makes the test invalid.
 */
public final class LightsProcedure implements TestProcedure<Measurements.Lights> {

    private static final ZoneId LANE_ZONE = ZoneId.of("America/Bogota");

    private final List<String> sides;
    private final boolean sumRequired;
    private final Map<String, Measurements.LowBeam> beams = new LinkedHashMap<>();
    private Double sum;
    private TestOutcome<Measurements.Lights> outcome;

    /**
     * @param sides       lamp sides to read, in block order: {@code left}, {@code right}, {@code center}
     * @param sumRequired whether the simultaneous sum must be read (four-wheel vehicles)
     */
    public LightsProcedure(List<String> sides, boolean sumRequired) {
        if (sides.isEmpty()) {
            throw new IllegalArgumentException("at least one lamp side");
        }
        for (String s : sides) {
            if (!List.of("left", "right", "center").contains(s)) {
                throw new IllegalArgumentException("unknown lamp side '" + s + "', expected left, right or center");
            }
        }
        this.sides = List.copyOf(sides);
        this.sumRequired = sumRequired;
    }

    /** Motorcycles and motocarros: one center lamp, no sum; other vehicles: left and right, and the sum. */
    public static LightsProcedure forVehicle(Vehicle v) {
        return v.kind().isMotorcycleFamily()
                ? new LightsProcedure(List.of("center"), false)
                : new LightsProcedure(List.of("left", "right"), true);
    }

    @Override
    public TestKind test() { return TestKind.LIGHTS; }

    @Override
    public String prompt() {
        if (outcome != null) {
            return outcome instanceof TestOutcome.Measured ? "Prueba de luces terminada" : "Prueba de luces inválida";
        }
        for (String s : sides) {
            if (!beams.containsKey(s)) {
                return "Ubique el luxómetro frente a la luz baja " + spanish(s) + " y mida";
            }
        }
        return "Encienda todas las luces a la vez y mida la suma";
    }

    @Override
    public boolean accept(InstrumentEvent event) {
        if (outcome != null) {
            return true;
        }
        if (event instanceof Fault f) {
            outcome = new TestOutcome.Invalid<>("falla del luxómetro (" + f.kind() + "): " + f.detail());
        } else if (event instanceof Identified id && !id.identity().verifiedOn(id.at().atZone(LANE_ZONE).toLocalDate())) {
            outcome = new TestOutcome.Invalid<>("calibración del luxómetro vencida el " + id.identity().verificationDue());
        } else if (event instanceof Reading r) {
            if (r.sample() instanceof Sample.LampReading l && sides.contains(l.side())) {
                beams.put(l.side(), new Measurements.LowBeam(l.side(), l.intensityKlux(), l.inclinationPct()));
            } else if (r.sample() instanceof Sample.LampSum s) {
                sum = s.klux();
            }
            if (beams.size() == sides.size() && (sum != null || !sumRequired)) {
                List<Measurements.LowBeam> ordered = new ArrayList<>();
                sides.forEach(s -> ordered.add(beams.get(s)));
                outcome = new TestOutcome.Measured<>(new Measurements.Lights(List.copyOf(ordered),
                        sum == null ? OptionalDouble.empty() : OptionalDouble.of(sum)));
            }
        }
        return outcome != null;
    }

    @Override
    public TestOutcome<Measurements.Lights> outcome() { return outcome; }

    @Override
    public void abort(String reason) {
        if (outcome == null) {
            outcome = new TestOutcome.Invalid<>(reason);
        }
    }

    private static String spanish(String side) {
        return switch (side) {
            case "left" -> "izquierda";
            case "right" -> "derecha";
            default -> "central";
        };
    }
}
