package co.rtm.profiles.profile;

import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.rules.RuleFileException;
import co.rtm.profiles.rules.YamlFiles;
import co.rtm.profiles.vehicle.VehicleKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilesTest {
    private static final String LIGHT = YamlFiles.resource("/co/rtm/profiles/profiles/cda-light.yaml");

    @Test
    void everyStationKindShipsAVersionedProfile() {
        assertThat(Profiles.all()).extracting(StationProfile::ref).contains("cda-light@1", "cda-heavy@1", "cda-motorcycle@1",
                "cda-light-mobile@1", "cale-theory@1", "cale-practical@1");
        assertThat(Profiles.builtIn("cda-light-mobile").orElseThrow().mobile()).isTrue();
        assertThat(Profiles.builtIn("cda-light-mobile").orElseThrow().instruments()).contains("gps");
        assertThat(Profiles.builtIn("cale-theory").orElseThrow().theory().totalQuestions()).isEqualTo(30);
        assertThat(Profiles.builtIn("cale-practical").orElseThrow().practical().passPctByCategory()).containsEntry("B1", 75.0).containsEntry("C2", 80.0);
    }

    @Test
    void lanesFollowArt3336Classes() {
        assertThat(Profiles.defaultLaneFor(VehicleKind.MOTOCARRO).id()).isEqualTo("cda-light");
        assertThat(Profiles.builtIn("cda-heavy").orElseThrow().accepts(VehicleKind.MOTORCYCLE)).isFalse();
        assertThat(Profiles.builtIn("cda-light").orElseThrow().tests()).extracting(ProfileTest::test)
                .startsWith(TestKind.SENSORY, TestKind.LIGHTS);
    }

    @Test
    void aMistakeInAProfileNamesFileLineAndField() {
        String bad = LIGHT.replace("  - {test: tyres}", "  - {test: tires}");
        assertThatThrownBy(() -> Profiles.load("cda-light.yaml", bad))
                .isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("cda-light.yaml:" + YamlFiles.lineOf(bad, "tires") + ": tests[5].test:")
                .hasMessageContaining("tires");
        assertThatThrownBy(() -> Profiles.load("cda-light.yaml", LIGHT.replace("rulebook: rtmyec@1\n", "")))
                .hasMessageContaining("a lane needs 'rulebook'");
        assertThatThrownBy(() -> Profiles.load("cda-other.yaml", LIGHT))
                .hasMessageContaining("does not match its file name");
    }

    @Test
    void lanesCarryTheirPlausibilityMinimumsAndABadOneIsRefusedOnLoad() {
        StationProfile light = Profiles.builtIn("cda-light").orElseThrow();
        assertThat(light.minimumInspectionSeconds()).isEqualTo(600);
        assertThat(light.tests()).filteredOn(t -> t.test() == TestKind.BRAKES).singleElement()
                .extracting(ProfileTest::minimumSeconds).isEqualTo(5);
        assertThat(light.tests()).filteredOn(t -> t.test() == TestKind.LIGHTS).singleElement()
                .extracting(ProfileTest::minimumSeconds).isNull();
        assertThat(Profiles.builtIn("cda-motorcycle").orElseThrow().minimumInspectionSeconds()).isEqualTo(300);
        assertThat(Profiles.builtIn("cale-theory").orElseThrow().minimumInspectionSeconds()).isNull();
        assertThatThrownBy(() -> Profiles.load("cda-light.yaml",
                LIGHT.replace("{test: brakes, minimumSeconds: 5}", "{test: brakes, minimumSeconds: 0}")))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("'minimumSeconds' must be at least 1");
        assertThatThrownBy(() -> Profiles.load("cda-light.yaml",
                LIGHT.replace("minimumInspectionSeconds: 600", "minimumInspectionSecs: 600")))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("minimumInspectionSecs");
    }

    @Test
    void caleProfilesCarryTheirMatchThresholdAndABadOneIsRefusedOnLoad() {
        String theory = YamlFiles.resource("/co/rtm/profiles/profiles/cale-theory.yaml");
        assertThat(Profiles.builtIn("cale-theory").orElseThrow().identity().matchThreshold()).isEqualTo(40.0);
        assertThat(Profiles.builtIn("cale-practical").orElseThrow().identity().matchThreshold()).isEqualTo(40.0);
        assertThat(Profiles.load("cale-theory.yaml", theory.replace("matchThreshold: 40", "matchThreshold: 55"))
                .identity().matchThreshold()).isEqualTo(55.0);
        assertThatThrownBy(() -> Profiles.load("cale-theory.yaml", theory.replace("matchThreshold: 40", "matchThreshold: 0")))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("'identity.matchThreshold' must be above 0");
        assertThatThrownBy(() -> Profiles.load("cale-theory.yaml", theory.replace("matchThreshold: 40", "matchTreshold: 40")))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("matchThreshold");
        assertThatThrownBy(() -> Profiles.load("cda-light.yaml", LIGHT + "identity:\n  matchThreshold: 40\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("only a CALE station has 'identity'");
    }
}
