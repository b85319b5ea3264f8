package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.AxleWeight;
import co.rtm.agent.instruments.Sample.BrakeForce;
import co.rtm.agent.instruments.Sample.Circuit;
import co.rtm.agent.instruments.Sample.Wheel;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.Vehicle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The roller brake test, axle by axle in order 1..n ({@code docs/instruments.md, brake}). For each axle: an
 * {@code AxleWeight} starts a run (the scale reads the axle before every run), the forces of the service run, then
 * (on axles that have it) a new weight and the parking run, then {@code AxleWeight(axle, 0)} when the axle leaves.
 * The value of a run is the maximum force per wheel. Two-wheel axles read left/right; motorcycles and motocarros one
 * {@code SINGLE} service force per axle.
 *
 * <p>Invalid when: the device has not identified itself or its verification expired on the test day; an axle or
 * circuit comes out of order; an axle leaves without its required runs; a fault arrives with no axle on the rollers.
 * A fault while an axle is on the rollers voids the run in progress (or the one about to start); that run may be
 * repeated once, starting with a new {@code AxleWeight} of the same axle. A second fault on the same run is invalid.
 */
public final class BrakeProcedure implements TestProcedure<Measurements.Brakes> {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    /** Below this the scale is empty: the axle left the rollers. */
    static final double EMPTY_SCALE_N = 100;

    private final int axles;
    private final boolean singleWheel;
    private final Set<Integer> parkingAxles;
    private final List<Measurements.BrakeAxle> done = new ArrayList<>();

    private boolean identified;
    private int axle;               // axle on the rollers, 0 when none
    private double weight;
    private Circuit run;            // circuit of the run in progress since the last weight, null when none
    private boolean voided;         // the last run was voided by a fault: ignore forces until a new weight
    private final double[][] max = new double[2][3];     // [circuit][wheel], NaN when not measured
    private final boolean[] repeated = new boolean[2];  // per circuit on the current axle: its one repeat is spent
    private TestOutcome<Measurements.Brakes> outcome;

    /**
     * @param axles        number of axles to test, in order 1..axles
     * @param singleWheel  motorcycle family: one service force per axle, no parking
     * @param parkingAxles axles whose parking brake must be measured
     */
    public BrakeProcedure(int axles, boolean singleWheel, Set<Integer> parkingAxles) {
        if (axles < 1 || axles > 9) {
            throw new IllegalArgumentException("axles must be 1..9, was " + axles);
        }
        if (singleWheel && !parkingAxles.isEmpty()) {
            throw new IllegalArgumentException("single-wheel axles have no parking run");
        }
        this.axles = axles;
        this.singleWheel = singleWheel;
        this.parkingAxles = Set.copyOf(parkingAxles);
        clear(Circuit.SERVICE);
        clear(Circuit.PARKING);
    }

    /** The usual plan: the vehicle's axles (2 when unknown); parking measured on the last axle of 4-wheel vehicles. */
    public static BrakeProcedure forVehicle(Vehicle v) {
        int n = v.axles().orElse(2);
        boolean single = v.kind().isMotorcycleFamily();
        return new BrakeProcedure(n, single, single ? Set.of() : Set.of(n));
    }

    @Override
    public TestKind test() { return TestKind.BRAKES; }

    @Override
    public String prompt() {
        if (outcome != null) {
            return outcome instanceof TestOutcome.Measured<?> ? "Prueba de frenos terminada" : "Prueba de frenos inválida";
        }
        if (!identified) {
            return "Esperando identificación del frenómetro";
        }
        if (axle == 0) {
            return "Suba el eje " + (done.size() + 1) + " a los rodillos";
        }
        if (voided) {
            return "Falla en la corrida: repita la prueba del eje " + axle;
        }
        if (!measured(Circuit.SERVICE) || run == Circuit.SERVICE) {
            return "Eje " + axle + ": frene a fondo con el pedal de servicio";
        }
        if (parkingAxles.contains(axle) && !measured(Circuit.PARKING) || run == Circuit.PARKING) {
            return "Eje " + axle + ": accione el freno de parqueo";
        }
        return "Retire el eje " + axle + " de los rodillos";
    }

    @Override
    public boolean accept(InstrumentEvent event) {
        if (outcome != null) {
            return true;
        }
        if (event instanceof Identified id) {
            LocalDate day = LocalDate.ofInstant(id.at(), BOGOTA);
            if (!id.identity().verifiedOn(day)) {
                return invalid("verificación del frenómetro vencida el " + id.identity().verificationDue());
            }
            identified = true;
        } else if (event instanceof Fault f) {
            onFault(f);
        } else if (event instanceof Reading r) {
            if (!identified) {
                return invalid("el frenómetro envió lecturas sin identificarse");
            }
            if (r.sample() instanceof AxleWeight w) {
                onWeight(w);
            } else if (r.sample() instanceof BrakeForce b) {
                onForce(b);
            }
        }
        return outcome != null;
    }

    private void onFault(Fault f) {
        if (axle == 0) {
            invalid("falla del frenómetro sin eje en los rodillos: " + f.detail());
            return;
        }
        Circuit c = run != null ? run : measured(Circuit.SERVICE) ? Circuit.PARKING : Circuit.SERVICE;
        if (repeated[c.ordinal()]) {
            invalid("falla repetida en la corrida de " + name(c) + " del eje " + axle + ": " + f.detail());
            return;
        }
        repeated[c.ordinal()] = true;
        clear(c);
        run = null;
        voided = true;
    }

    private void onWeight(AxleWeight w) {
        if (w.weightN() < EMPTY_SCALE_N) {
            if (w.axle() != axle) {
                invalid("el eje " + w.axle() + " salió sin haber subido");
            } else if (!measured(Circuit.SERVICE)) {
                invalid("el eje " + axle + " salió sin prueba de freno de servicio");
            } else if (parkingAxles.contains(axle) && !measured(Circuit.PARKING)) {
                invalid("el eje " + axle + " salió sin prueba de freno de parqueo");
            } else if (voided) {
                invalid("el eje " + axle + " salió sin repetir la corrida fallida");
            } else {
                done.add(axleBlock());
                axle = 0;
                if (done.size() == axles) {
                    outcome = new TestOutcome.Measured<>(new Measurements.Brakes(List.copyOf(done)));
                }
            }
            return;
        }
        if (axle == 0) {
            if (w.axle() != done.size() + 1) {
                invalid("se esperaba el eje " + (done.size() + 1) + " y subió el eje " + w.axle());
                return;
            }
            axle = w.axle();
            for (int c = 0; c < 2; c++) {
                clear(Circuit.values()[c]);
                repeated[c] = false;
            }
        } else if (w.axle() != axle) {
            invalid("el eje " + w.axle() + " subió con el eje " + axle + " aún en los rodillos");
            return;
        }
        weight = w.weightN();
        run = null;
        voided = false;
    }

    private void onForce(BrakeForce b) {
        if (b.axle() != axle) {
            invalid("fuerza de frenado del eje " + b.axle() + " con el eje " + axle + " en los rodillos");
            return;
        }
        if (voided) {
            return; // the tail of a voided run
        }
        if ((b.wheel() == Wheel.SINGLE) != singleWheel || singleWheel && b.circuit() == Circuit.PARKING) {
            invalid("el frenómetro midió una rueda " + b.wheel() + " que este vehículo no tiene");
            return;
        }
        if (run != b.circuit()) {
            if (run == null && measured(b.circuit())) {
                invalid("corrida de " + name(b.circuit()) + " del eje " + axle + " repetida sin falla");
                return;
            }
            if (b.circuit() == Circuit.PARKING && !measured(Circuit.SERVICE)) {
                invalid("freno de parqueo del eje " + axle + " antes que el de servicio");
                return;
            }
            if (b.circuit() == Circuit.SERVICE && measured(Circuit.PARKING)) {
                invalid("freno de servicio del eje " + axle + " después del de parqueo");
                return;
            }
            run = b.circuit();
        }
        double[] m = max[b.circuit().ordinal()];
        int w = b.wheel().ordinal();
        m[w] = Double.isNaN(m[w]) ? b.forceN() : Math.max(m[w], b.forceN());
    }

    private Measurements.BrakeAxle axleBlock() {
        double[] s = max[Circuit.SERVICE.ordinal()];
        double[] p = max[Circuit.PARKING.ordinal()];
        if (singleWheel) {
            OptionalDouble none = OptionalDouble.empty();
            return new Measurements.BrakeAxle(weight, none, none, none, none, OptionalDouble.of(s[Wheel.SINGLE.ordinal()]));
        }
        return new Measurements.BrakeAxle(weight, opt(s[0]), opt(s[1]), opt(p[0]), opt(p[1]), OptionalDouble.empty());
    }

    private boolean measured(Circuit c) {
        double[] m = max[c.ordinal()];
        return singleWheel ? !Double.isNaN(m[Wheel.SINGLE.ordinal()]) : !Double.isNaN(m[0]) && !Double.isNaN(m[1]);
    }

    private void clear(Circuit c) {
        Arrays.fill(max[c.ordinal()], Double.NaN);
    }

    private static OptionalDouble opt(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static String name(Circuit c) {
        return c == Circuit.SERVICE ? "servicio" : "parqueo";
    }

    private boolean invalid(String reason) {
        outcome = new TestOutcome.Invalid<>(reason);
        return true;
    }

    @Override
    public TestOutcome<Measurements.Brakes> outcome() {
        if (outcome == null) {
            throw new IllegalStateException("the brake test has not finished");
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
