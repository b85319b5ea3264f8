package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.TestKind;

import java.time.ZoneId;

/**
 * Stationary noise test: the sound level meter sends one maximum-hold level per measurement; after the
 * required number of measurements (3 by default) the block is the <b>maximum</b> of them, in dB(A). The rule is
 * informative (DESIGN §5), so the highest of the repeats is recorded, as the stationary method reports it. Any
 * fault, or an identity whose verification has expired on the reading's day, makes it invalid.
 */
public final class SoundProcedure implements TestProcedure<Measurements.Noise> {

    public static final int DEFAULT_MEASUREMENTS = 3;
    private static final ZoneId LANE_ZONE = ZoneId.of("America/Bogota");

    private final int required;
    private int taken;
    private double max = Double.NEGATIVE_INFINITY;
    private TestOutcome<Measurements.Noise> outcome;

    public SoundProcedure() {
        this(DEFAULT_MEASUREMENTS);
    }

    public SoundProcedure(int measurements) {
        if (measurements < 1) {
            throw new IllegalArgumentException("at least one measurement, was " + measurements);
        }
        this.required = measurements;
    }

    @Override
    public TestKind test() { return TestKind.NOISE; }

    @Override
    public String prompt() {
        if (outcome != null) {
            return outcome instanceof TestOutcome.Measured ? "Prueba de ruido terminada" : "Prueba de ruido inválida";
        }
        return "Acelere el motor y suelte: medición " + (taken + 1) + " de " + required;
    }

    @Override
    public boolean accept(InstrumentEvent event) {
        if (outcome != null) {
            return true;
        }
        if (event instanceof Fault f) {
            outcome = new TestOutcome.Invalid<>("falla del sonómetro (" + f.kind() + "): " + f.detail());
        } else if (event instanceof Identified id && !id.identity().verifiedOn(id.at().atZone(LANE_ZONE).toLocalDate())) {
            outcome = new TestOutcome.Invalid<>("calibración del sonómetro vencida el " + id.identity().verificationDue());
        } else if (event instanceof Reading r && r.sample() instanceof Sample.SoundLevel s) {
            max = Math.max(max, s.dBA());
            if (++taken == required) {
                outcome = new TestOutcome.Measured<>(new Measurements.Noise(max));
            }
        }
        return outcome != null;
    }

    @Override
    public TestOutcome<Measurements.Noise> outcome() { return outcome; }

    @Override
    public void abort(String reason) {
        if (outcome == null) {
            outcome = new TestOutcome.Invalid<>(reason);
        }
    }
}
