package co.rtm.agent.inspection;

import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.VehicleKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

import static co.rtm.agent.inspection.LaneProcedureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LightsProcedureTest {

    @Test
    void aCarNeedsLeftRightAndTheSumAndTheLastReadingOfASideCounts() {
        LightsProcedure p = LightsProcedure.forVehicle(vehicle(VehicleKind.LIGHT, 2, false));
        assertThat(p.test()).isEqualTo(TestKind.LIGHTS);
        assertThat(p.prompt()).contains("izquierda");
        assertThat(feed(p, identity(LocalDate.of(2026, 11, 20)), reading(new Sample.LampReading("right", 20, 1.0)),
                reading(new Sample.LampReading("center", 5, 1.0)), reading(new Sample.LampReading("left", 1.0, 0.2)))).isFalse();
        assertThat(p.prompt()).contains("suma");
        assertThat(feed(p, reading(new Sample.LampReading("left", 22, 1.4)))).isFalse();
        assertThat(feed(p, reading(new Sample.LampSum(88)))).isTrue();
        assertThat(p.outcome()).isEqualTo(new TestOutcome.Measured<>(new Measurements.Lights(List.of(
                new Measurements.LowBeam("left", 22, 1.4), new Measurements.LowBeam("right", 20, 1.0)), OptionalDouble.of(88))));
        assertThat(p.accept(fault(FaultKind.BAD_FRAME))).isTrue();
        assertThat(p.outcome()).isInstanceOf(TestOutcome.Measured.class);
    }

    @Test
    void aMotorcycleNeedsOnlyItsCenterLampAndNoSum() {
        LightsProcedure p = LightsProcedure.forVehicle(vehicle(VehicleKind.MOTORCYCLE, null, false));
        assertThat(feed(p, reading(new Sample.LampReading("center", 9, 1.5)))).isTrue();
        assertThat(p.outcome()).isEqualTo(new TestOutcome.Measured<>(new Measurements.Lights(List.of(
                new Measurements.LowBeam("center", 9, 1.5)), OptionalDouble.empty())));
    }

    @Test
    void aFaultOrAnExpiredVerificationMakesItInvalid() {
        LightsProcedure p = LightsProcedure.forVehicle(vehicle(VehicleKind.LIGHT, 2, false));
        assertThat(feed(p, reading(new Sample.LampReading("left", 22, 1.4)), fault(FaultKind.BAD_CHECKSUM))).isTrue();
        assertThat(p.outcome()).isEqualTo(new TestOutcome.Invalid<>("falla del luxómetro (BAD_CHECKSUM): detail of BAD_CHECKSUM"));

        LightsProcedure q = LightsProcedure.forVehicle(vehicle(VehicleKind.LIGHT, 2, false));
        assertThat(q.accept(identity(LocalDate.of(2026, 11, 19)))).isTrue();
        assertThat(q.outcome()).isEqualTo(new TestOutcome.Invalid<>("calibración del luxómetro vencida el 2026-11-19"));
    }

    @Test
    void abortIsInvalidWithTheSessionsReason() {
        LightsProcedure p = new LightsProcedure(List.of("left"), false);
        p.abort("parada de emergencia");
        assertThat(p.outcome()).isEqualTo(new TestOutcome.Invalid<>("parada de emergencia"));
        assertThatThrownBy(() -> new LightsProcedure(List.of("top"), false)).isInstanceOf(IllegalArgumentException.class);
    }
}
