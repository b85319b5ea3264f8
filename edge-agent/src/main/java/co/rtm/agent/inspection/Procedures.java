package co.rtm.agent.inspection;

import co.rtm.agent.instruments.InstrumentKind;
import co.rtm.profiles.inspection.TestKind;
import java.util.Optional;

/** Which instrument family reads each inspection test, and the procedure that turns its events into a block. */
public final class Procedures {

    private Procedures() {}

    /** The instrument family of {@code test}; empty for tests no instrument reads here (sensory, taximeter). */
    public static Optional<InstrumentKind> instrumentFor(TestKind test) {
        return Optional.ofNullable(switch (test) {
            case BRAKES -> InstrumentKind.BRAKE;
            case SUSPENSION -> InstrumentKind.SUSPENSION;
            case SIDESLIP -> InstrumentKind.SIDESLIP;
            case LIGHTS -> InstrumentKind.LIGHTS;
            case TYRES -> InstrumentKind.TREAD;
            case GAS -> InstrumentKind.GAS;
            case OPACITY -> InstrumentKind.OPACITY;
            case NOISE -> InstrumentKind.SOUND;
            case TAXIMETER, SENSORY -> null;
        });
    }

    /** The procedure of {@code test}, per vehicle. */
    public static InspectionSession.ProcedureFactory forTest(TestKind test) {
        return switch (test) {
            case BRAKES -> BrakeProcedure::forVehicle;
            case SUSPENSION -> SuspensionProcedure::forVehicle;
            case SIDESLIP -> SideslipProcedure::forVehicle;
            case LIGHTS -> LightsProcedure::forVehicle;
            case TYRES -> TreadProcedure::forVehicle;
            case GAS -> GasProcedure::forVehicle;
            case OPACITY -> v -> new OpacityProcedure();
            case NOISE -> v -> new SoundProcedure();
            case TAXIMETER, SENSORY -> throw new IllegalArgumentException(test.json() + " is not read by an instrument here");
        };
    }
}
