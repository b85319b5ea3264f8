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
import java.util.List;
import java.util.TreeMap;

/**
 * Side-slip test: the vehicle drives straight over the plate and every axle 1..n gives one reading (the last
 * reading of an axle counts, so the technician may drive over again). Readings of axles beyond n are ignored.
 * Any fault, or an identity whose verification has expired on the reading's day, makes it invalid.
 */
public final class SideslipProcedure implements TestProcedure<Measurements.Sideslip> {

    private static final ZoneId LANE_ZONE = ZoneId.of("America/Bogota");

    private final int axles;
    private final TreeMap<Integer, Double> slip = new TreeMap<>();
    private TestOutcome<Measurements.Sideslip> outcome;

    public SideslipProcedure(int axles) {
        if (axles < 1 || axles > 9) {
            throw new IllegalArgumentException("axles must be 1..9, was " + axles);
        }
        this.axles = axles;
    }

    /** Every axle of the vehicle (default 2); the plate does not test motorcycles or motocarros. */
    public static SideslipProcedure forVehicle(Vehicle v) {
        if (v.kind().isMotorcycleFamily()) {
            throw new IllegalArgumentException("the side-slip test does not apply to " + v.kind().json());
        }
        return new SideslipProcedure(v.axles().orElse(2));
    }

    @Override
    public TestKind test() { return TestKind.SIDESLIP; }

    @Override
    public String prompt() {
        if (outcome != null) {
            return outcome instanceof TestOutcome.Measured ? "Prueba de alineación terminada" : "Prueba de alineación inválida";
        }
        return "Pase despacio y en línea recta sobre la placa (eje " + (slip.size() + 1) + " de " + axles + ")";
    }

    @Override
    public boolean accept(InstrumentEvent event) {
        if (outcome != null) {
            return true;
        }
        if (event instanceof Fault f) {
            outcome = new TestOutcome.Invalid<>("falla de la placa de alineación (" + f.kind() + "): " + f.detail());
        } else if (event instanceof Identified id && !id.identity().verifiedOn(id.at().atZone(LANE_ZONE).toLocalDate())) {
            outcome = new TestOutcome.Invalid<>("calibración de la placa de alineación vencida el " + id.identity().verificationDue());
        } else if (event instanceof Reading r && r.sample() instanceof Sample.Sideslip s && s.axle() <= axles) {
            slip.put(s.axle(), s.mPerKm());
            if (slip.size() == axles) {
                List<Measurements.SideslipAxle> list = new ArrayList<>();
                slip.forEach((axle, m) -> list.add(new Measurements.SideslipAxle(axle, m)));
                outcome = new TestOutcome.Measured<>(new Measurements.Sideslip(List.copyOf(list)));
            }
        }
        return outcome != null;
    }

    @Override
    public TestOutcome<Measurements.Sideslip> outcome() { return outcome; }

    @Override
    public void abort(String reason) {
        if (outcome == null) {
            outcome = new TestOutcome.Invalid<>(reason);
        }
    }
}
