package co.rtm.hub.registry;

import static co.rtm.profiles.vehicle.VehicleKind.HEAVY;
import static co.rtm.profiles.vehicle.VehicleKind.LIGHT;
import static co.rtm.profiles.vehicle.VehicleKind.MOTOCARRO;
import static co.rtm.profiles.vehicle.VehicleKind.MOTORCYCLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.profiles.vehicle.VehicleKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Art. 3.3.3.6 table and art. 3.3.8.1 (motocarros at B and D). */
class CenterClassTest {
    private static final List<VehicleKind> LIGHT_LANE = List.of(LIGHT, MOTOCARRO);
    private static final List<VehicleKind> HEAVY_LANE = List.of(HEAVY);
    private static final List<VehicleKind> MOTO_LANE = List.of(MOTORCYCLE);

    private static List<VehicleKind> allowed(CenterClass c, List<VehicleKind> lane) {
        return Arrays.stream(VehicleKind.values()).filter(k -> c.allows(k, lane)).toList();
    }

    @Test
    void classAOnlyMotorcycles() {
        assertThat(allowed(CenterClass.A, MOTO_LANE)).containsExactly(MOTORCYCLE);
        assertThat(allowed(CenterClass.A, LIGHT_LANE)).containsExactly(MOTORCYCLE);
    }

    @Test
    void classBLightAndMotocarrosPlusMotorcycleOnlyLanes() {
        assertThat(allowed(CenterClass.B, LIGHT_LANE)).containsExactlyInAnyOrder(LIGHT, MOTOCARRO);
        assertThat(allowed(CenterClass.B, MOTO_LANE)).containsExactlyInAnyOrder(LIGHT, MOTOCARRO, MOTORCYCLE);
    }

    @Test
    void classCOnlyHeavyPlusMotorcycleOnlyLanesAndNoMotocarros() {
        assertThat(allowed(CenterClass.C, HEAVY_LANE)).containsExactly(HEAVY);
        assertThat(allowed(CenterClass.C, LIGHT_LANE)).containsExactly(HEAVY);
        assertThat(CenterClass.C.allows(MOTOCARRO, LIGHT_LANE)).isFalse();
        assertThat(CenterClass.C.allows(MOTORCYCLE, MOTO_LANE)).isTrue();
    }

    @Test
    void classDEverythingWithMotorcyclesOnTheirOwnLanes() {
        assertThat(allowed(CenterClass.D, LIGHT_LANE)).containsExactlyInAnyOrder(LIGHT, MOTOCARRO, HEAVY);
        assertThat(allowed(CenterClass.D, MOTO_LANE)).containsExactlyInAnyOrder(LIGHT, MOTOCARRO, HEAVY, MOTORCYCLE);
    }

    @Test
    void parses() {
        assertThat(CenterClass.parse(" b ")).isEqualTo(CenterClass.B);
        assertThatThrownBy(() -> CenterClass.parse("E")).hasMessageContaining("unknown centre class 'E'");
    }
}
