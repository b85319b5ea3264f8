package co.rtm.agent.inspection;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.vehicle.VehicleKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static co.rtm.agent.inspection.LaneProcedureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TreadProcedureTest {

    @Test
    void tyrePositionsFollowTheVehicle() {
        assertThat(TreadProcedure.tyrePositions(vehicle(VehicleKind.MOTORCYCLE, null, false))).containsExactly("F", "R");
        assertThat(TreadProcedure.tyrePositions(vehicle(VehicleKind.MOTOCARRO, null, false))).containsExactly("F", "RL", "RR");
        assertThat(TreadProcedure.tyrePositions(vehicle(VehicleKind.LIGHT, null, false))).containsExactly("FL", "FR", "RL", "RR");
        assertThat(TreadProcedure.tyrePositions(vehicle(VehicleKind.HEAVY, 3, true))).containsExactly(
                "FL", "FR", "RLO", "RLI", "RRI", "RRO", "3LO", "3LI", "3RI", "3RO");
    }

    @Test
    void everyTyreInPositionOrder() {
        TreadProcedure p = TreadProcedure.forVehicle(vehicle(VehicleKind.LIGHT, 2, false));
        assertThat(feed(p, reading(new Sample.TreadDepth("RR", 2.9)), reading(new Sample.TreadDepth("FL", 3.1)),
                reading(new Sample.TreadDepth("F", 9.9)), reading(new Sample.TreadDepth("FR", 3.0)))).isFalse();
        assertThat(p.prompt()).contains("RL");
        assertThat(p.accept(reading(new Sample.TreadDepth("RL", 2.8)))).isTrue();
        assertThat(p.outcome()).isEqualTo(new TestOutcome.Measured<>(new Measurements.Tyres(List.of(3.1, 3.0, 2.8, 2.9))));
    }

    @Test
    void aBadChecksumIsInvalid() {
        TreadProcedure p = TreadProcedure.forVehicle(vehicle(VehicleKind.MOTORCYCLE, null, false));
        assertThat(feed(p, reading(new Sample.TreadDepth("F", 2.0)), fault(FaultKind.BAD_CHECKSUM))).isTrue();
        assertThat(p.outcome()).isInstanceOf(TestOutcome.Invalid.class);
    }
}
