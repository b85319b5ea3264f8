package co.rtm.agent.inspection;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.vehicle.VehicleKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static co.rtm.agent.inspection.LaneProcedureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SideslipProcedureTest {

    @Test
    void oneReadingPerAxleInAxleOrderTheLastPassCounting() {
        SideslipProcedure p = SideslipProcedure.forVehicle(vehicle(VehicleKind.LIGHT, 2, false));
        assertThat(p.prompt()).contains("eje 1 de 2");
        assertThat(feed(p, reading(new Sample.Sideslip(1, 12.0)), reading(new Sample.Sideslip(3, 1.0)),
                reading(new Sample.Sideslip(1, 4.0)))).isFalse();
        assertThat(p.accept(reading(new Sample.Sideslip(2, -2.5)))).isTrue();
        assertThat(p.outcome()).isEqualTo(new TestOutcome.Measured<>(new Measurements.Sideslip(List.of(
                new Measurements.SideslipAxle(1, 4.0), new Measurements.SideslipAxle(2, -2.5)))));
    }

    @Test
    void anOutOfRangeFaultIsInvalidAndMotorcyclesAreNotTested() {
        SideslipProcedure p = new SideslipProcedure(1);
        assertThat(p.accept(fault(FaultKind.OUT_OF_RANGE))).isTrue();
        assertThat(p.outcome()).isInstanceOf(TestOutcome.Invalid.class);
        assertThatThrownBy(() -> SideslipProcedure.forVehicle(vehicle(VehicleKind.MOTOCARRO, null, false)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
