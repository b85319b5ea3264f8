package co.rtm.agent.inspection;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.TestKind;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The lights test on a lane whose luxmeter is a BH1750 ambient-light sensor ({@code lights: {bh1750: ...}} in the
 * lane file). The sensor gives one number: illuminance at the sensor, in lux. It has no lamp side, no beam
 * inclination and no simultaneous sum, and the scoring input's low-beam block needs an intensity <em>and</em> an
 * inclination for every lamp. So this procedure never produces a block, and never a pass: it takes the first
 * reading (kept in the raw series with the sensor's identity) and declares the test invalid, saying what was read
 * and why it is not enough. A fault, or an expired verification, makes it invalid for that reason instead.
 */
public final class LuxmeterLightsProcedure implements TestProcedure<Measurements.Lights> {

    private static final ZoneId LANE_ZONE = ZoneId.of("America/Bogota");

    private TestOutcome<Measurements.Lights> outcome;

    @Override
    public TestKind test() {
        return TestKind.LIGHTS;
    }

    @Override
    public String prompt() {
        return outcome == null ? "Ubique el luxómetro frente a la luz baja y mida" : "Prueba de luces inválida";
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
        } else if (event instanceof Reading r && r.sample() instanceof Sample.Illuminance lux) {
            outcome = new TestOutcome.Invalid<>(String.format(Locale.ROOT, "el luxómetro BH1750 mide solo "
                    + "iluminancia (%.1f lx en el sensor), no la inclinación de la luz baja: se requiere el "
                    + "alineador de faros", lux.lux()));
        }
        return outcome != null;
    }

    @Override
    public TestOutcome<Measurements.Lights> outcome() {
        return outcome;
    }

    @Override
    public void abort(String reason) {
        if (outcome == null) {
            outcome = new TestOutcome.Invalid<>(reason);
        }
    }
}
