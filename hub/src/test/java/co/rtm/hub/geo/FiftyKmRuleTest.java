package co.rtm.hub.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiftyKmRuleTest {
    private static final Municipalities CO = Municipalities.colombia();
    private static final String LETICIA = "91001";

    /** A CDA 49 km or 51 km due north of Leticia's northernmost vertex (distances from the meridian arc). */
    private static FixedCda northOfLeticia(String id, double metres) {
        double[] top = {0, -90};
        for (double[][] polygon : CO.polygons(LETICIA)) {
            for (int i = 0; i < polygon[0].length; i += 2) {
                if (polygon[0][i + 1] > top[1]) {
                    top = new double[] {polygon[0][i], polygon[0][i + 1]};
                }
            }
        }
        return new FixedCda(id, MeridianArc.latitudeNorthOf(top[1], metres), top[0]);
    }

    @Test
    void aFixedCdaWithin50KmBlocksAndTheNearestIsNamed() {
        FixedCda near = northOfLeticia("CDA-49", 49_000);
        FixedCda far = northOfLeticia("CDA-51", 51_000);
        MobileLineEligibility e = FiftyKmRule.check(CO, LETICIA, List.of(far, near));
        assertThat(e).isInstanceOf(MobileLineEligibility.TooClose.class);
        MobileLineEligibility.TooClose tooClose = (MobileLineEligibility.TooClose) e;
        assertThat(tooClose.nearest()).isEqualTo(near);
        assertThat(tooClose.distanceMetres()).isCloseTo(49_000, within(1.0));
    }

    @Test
    void fixedCdasBeyond50KmAllow() {
        assertThat(FiftyKmRule.check(CO, LETICIA, List.of(northOfLeticia("CDA-51", 51_000))))
                .isEqualTo(new MobileLineEligibility.Allowed());
        assertThat(FiftyKmRule.check(CO, LETICIA, List.of())).isEqualTo(new MobileLineEligibility.Allowed());
    }

    @Test
    void aFixedCdaInsideTheMunicipalityIsAtDistanceZero() {
        FixedCda bogota = new FixedCda("CDA-BOG", 4.5981, -74.0758);
        assertThat(FiftyKmRule.check(CO, "11001", List.of(bogota)))
                .isEqualTo(new MobileLineEligibility.TooClose(bogota, 0));
        // Bogotá's CDA is far more than 50 km from Leticia
        assertThat(FiftyKmRule.check(CO, LETICIA, List.of(bogota))).isEqualTo(new MobileLineEligibility.Allowed());
    }

    @Test
    void unknownMunicipalityIsRefused() {
        assertThatThrownBy(() -> FiftyKmRule.check(CO, "00000", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("00000");
    }
}
