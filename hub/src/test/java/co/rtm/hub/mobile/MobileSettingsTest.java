package co.rtm.hub.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MobileSettingsTest {
    @Test
    void absentPropertiesKeepTheDefaultsGivenOnesReplaceThem() {
        assertThat(MobileSettings.from(k -> null)).isEqualTo(new MobileSettings(Duration.ofMinutes(15), 1_000));
        Map<String, String> p = Map.of(MobileSettings.MAX_FIX_AGE_MINUTES, "20", MobileSettings.TOLERANCE_METRES, "2500");
        assertThat(MobileSettings.from(p::get)).isEqualTo(new MobileSettings(Duration.ofMinutes(20), 2_500));
    }

    @Test
    void badValuesAreOneLineErrors() {
        assertThatThrownBy(() -> MobileSettings.from(Map.of(MobileSettings.MAX_FIX_AGE_MINUTES, "soon")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole minutes");
        assertThatThrownBy(() -> MobileSettings.from(Map.of(MobileSettings.MAX_FIX_AGE_MINUTES, "0")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> MobileSettings.from(Map.of(MobileSettings.TOLERANCE_METRES, "-1")::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
