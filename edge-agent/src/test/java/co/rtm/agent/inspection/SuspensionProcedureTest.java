package co.rtm.agent.inspection;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.vehicle.VehicleKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static co.rtm.agent.inspection.LaneProcedureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuspensionProcedureTest {

    @Test
    void everyWheelOfATwoAxleCarInPositionOrderWhateverTheReadingOrder() {
        SuspensionProcedure p = SuspensionProcedure.forVehicle(vehicle(VehicleKind.LIGHT, null, false));
        assertThat(p.prompt()).contains("FL");
        assertThat(feed(p, identity(LocalDate.of(2027, 1, 1)), reading(new Sample.Adherence("FR", 55)),
                reading(new Sample.Adherence("FL", 61)), reading(new Sample.Adherence("X9", 1)),
                reading(new Sample.Adherence("RR", 70)), reading(new Sample.Adherence("FR", 57)))).isFalse();
        assertThat(p.prompt()).contains("RL");
        assertThat(p.accept(reading(new Sample.Adherence("RL", 72)))).isTrue();
        assertThat(p.outcome()).isEqualTo(new TestOutcome.Measured<>(new Measurements.Suspension(List.of(
                new Measurements.SuspensionWheel("FL", 61), new Measurements.SuspensionWheel("FR", 57),
                new Measurements.SuspensionWheel("RL", 72), new Measurements.SuspensionWheel("RR", 70)))));
    }

    @Test
    void threeAxlesAddThirdAxlePositionsAndMotorcyclesAreNotTested() {
        SuspensionProcedure p = SuspensionProcedure.forVehicle(vehicle(VehicleKind.HEAVY, 3, true));
        for (String pos : List.of("FL", "FR", "RL", "RR", "3L")) {
            assertThat(p.accept(reading(new Sample.Adherence(pos, 50)))).isFalse();
        }
        assertThat(p.accept(reading(new Sample.Adherence("3R", 50)))).isTrue();
        assertThatThrownBy(() -> SuspensionProcedure.forVehicle(vehicle(VehicleKind.MOTORCYCLE, null, false)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeviceErrorOrExpiredVerificationIsInvalid() {
        SuspensionProcedure p = SuspensionProcedure.forVehicle(vehicle(VehicleKind.LIGHT, 2, false));
        assertThat(feed(p, reading(new Sample.Adherence("FL", 61)), fault(FaultKind.DEVICE_ERROR))).isTrue();
        assertThat(p.outcome()).isInstanceOfSatisfying(TestOutcome.Invalid.class,
                i -> assertThat(i.reason()).startsWith("falla del banco de suspensión (DEVICE_ERROR)"));
        SuspensionProcedure q = SuspensionProcedure.forVehicle(vehicle(VehicleKind.LIGHT, 2, false));
        assertThat(q.accept(identity(LocalDate.of(2026, 1, 1)))).isTrue();
        assertThat(q.outcome()).isInstanceOf(TestOutcome.Invalid.class);
    }
}
