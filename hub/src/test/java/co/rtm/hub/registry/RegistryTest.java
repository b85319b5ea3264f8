package co.rtm.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.hub.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
    private static final Instant NOW = Instant.parse("2026-03-01T15:00:00Z");

    @TempDir
    Path dir;
    Database db;
    Registry registry;

    @BeforeEach
    void open() {
        db = Database.openDefault(dir);
        registry = new Registry(db, Clock.fixed(NOW, ZoneOffset.UTC), 1_000);
        registry.createCenter("CDA-1", CenterKind.CDA, "CDA uno", "F001");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String key(int seed) {
        byte[] raw = new byte[32];
        raw[0] = (byte) seed;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Test
    void centresAndStations() {
        assertThat(registry.findCenter("CDA-1")).get().extracting(Center::kind, Center::furSeriesCode)
                .containsExactly(CenterKind.CDA, "F001");
        assertThatThrownBy(() -> registry.createCenter("CDA-1", CenterKind.CDA, "again", "F002"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> registry.createCenter("CDA-2", CenterKind.CDA, "no series", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.createStation("lane/1", "CDA-1", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.createStation("lane-9", "nowhere", "p")).isInstanceOf(IllegalArgumentException.class);

        NewStation created = registry.createStation("lane-1", "CDA-1", "cda-light@1");
        assertThat(created.toString()).doesNotContain(created.mqttPassword());
        Station s = registry.findStation("lane-1").orElseThrow();
        assertThat(s).isEqualTo(new Station("lane-1", "CDA-1", "cda-light@1", true, "lane-1", null, NOW));
    }

    @Test
    void mqttCredentials() {
        String password = registry.createStation("lane-1", "CDA-1", "cda-light@1").mqttPassword();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        String stored = db.read(tx -> {
            try (var st = tx.connection().createStatement();
                 var rs = st.executeQuery("SELECT mqtt_password_hash FROM stations")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain(password);

        assertThat(registry.checkMqttCredentials("lane-1", password)).get().extracting(Station::id).isEqualTo("lane-1");
        assertThat(registry.checkMqttCredentials("lane-1", password + "x")).isEmpty();
        assertThat(registry.checkMqttCredentials("lane-2", password)).isEmpty();
        assertThat(registry.checkMqttCredentials("lane-1", null)).isEmpty();
        registry.setActive("lane-1", false);
        assertThat(registry.checkMqttCredentials("lane-1", password)).isEmpty();
        registry.setActive("lane-1", true);
        assertThat(registry.checkMqttCredentials("lane-1", password)).isPresent();
    }

    @Test
    void keysRotateWithAGracePeriodAndRevoke() {
        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        assertThatThrownBy(() -> registry.addKey("lane-1", "c2hvcnQ")).isInstanceOf(IllegalArgumentException.class);
        StationKey k1 = registry.addKey("lane-1", key(1));
        assertThat(k1.kid()).isEqualTo("lane-1#1");
        assertThat(k1.rawPublicKey()).hasSize(32);
        assertThatThrownBy(() -> registry.addKey("lane-1", key(2))).isInstanceOf(IllegalStateException.class);

        StationKey k2 = registry.rotate("lane-1", key(2), Duration.ofDays(7));
        assertThat(k2.keyVersion()).isEqualTo(2);
        StationKey previous = registry.findKey("lane-1", 1).orElseThrow();
        assertThat(previous.status()).isEqualTo(KeyStatus.PREVIOUS);
        assertThat(previous.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(previous.usableAt(NOW.plus(Duration.ofDays(7)))).isTrue();
        assertThat(previous.usableAt(NOW.plus(Duration.ofDays(7)).plusSeconds(1))).isFalse();
        assertThat(registry.findUsableKey("lane-1", 1, NOW.plus(Duration.ofDays(8)))).isEmpty();
        assertThat(registry.findUsableKey("lane-1", 2, NOW.plus(Duration.ofDays(800)))).isPresent();

        registry.revoke("lane-1", 2);
        assertThat(registry.findUsableKey("lane-1", 2, NOW)).isEmpty();
        assertThat(registry.findKey("lane-1", 3)).isEmpty();
        // with the current key revoked, a new one may be added
        assertThat(registry.addKey("lane-1", key(3)).keyVersion()).isEqualTo(3);
        assertThat(registry.keys("lane-1")).extracting(StationKey::status)
                .containsExactly(KeyStatus.PREVIOUS, KeyStatus.REVOKED, KeyStatus.CURRENT);
        assertThatThrownBy(() -> registry.revoke("lane-1", 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seqRule() {
        java.util.Set<Long> accepted = java.util.Set.of(3L, 5L, 10L);
        assertThat(SeqRule.isNew(4, accepted::contains)).isTrue();
        assertThat(SeqRule.isNew(11, accepted::contains)).isTrue();
        assertThat(SeqRule.isNew(5, accepted::contains)).isFalse();
        assertThat(SeqRule.isNew(3, accepted::contains)).isFalse();
        assertThat(SeqRule.isNew(0, accepted::contains)).isFalse();
    }

    @Test
    void centreRulesAndLaneCapacityAreStoredAndAudited() throws Exception {
        assertThat(registry.centerRules("CDA-1")).contains(CenterRules.unregistered("CDA-1"));
        CenterRules stored = registry.updateCenterRules("CDA-1", r -> r.withClass(CenterClass.D)
                .withHours(OpeningHours.parse("mon-fri 07:00-18:00; holidays as sat; sat 08:00-12:00"))
                .withAccreditedUntil(java.time.LocalDate.of(2027, 6, 30)));
        assertThat(stored.hoursText()).isEqualTo("mon-fri 07:00-18:00; sat 08:00-12:00; holidays as sat");
        assertThat(registry.centerRules("CDA-1")).contains(stored);
        assertThat(registry.updateCenterRules("CDA-1", r -> r.withHours(null)).hoursRegistered()).isFalse();
        assertThatThrownBy(() -> registry.updateCenterRules("CDA-9", r -> r)).hasMessageContaining("unknown centre CDA-9");
        registry.createCenter("CALE-1", CenterKind.CALE, "CALE", null);
        assertThatThrownBy(() -> registry.updateCenterRules("CALE-1", r -> r.withClass(CenterClass.A)))
                .hasMessageContaining("CALE");

        registry.createStation("lane-1", "CDA-1", "cda-light@1");
        assertThat(registry.capacityPerHour("lane-1")).isEmpty();
        assertThat(registry.setCapacityPerHour("lane-1", 4)).isEqualTo(4);
        assertThat(registry.capacityPerHour("lane-1")).contains(4);
        assertThatThrownBy(() -> registry.setCapacityPerHour("lane-1", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.setCapacityPerHour("ghost", 4)).hasMessageContaining("unknown station ghost");

        java.util.List<String> audited = db.read(tx -> {
            java.util.List<String> kinds = new java.util.ArrayList<>();
            try (var ps = tx.connection().prepareStatement(
                    "SELECT kind || ' ' || subject || ' ' || detail FROM audit_log WHERE kind IN ('CENTER_RULES_SET', 'LANE_CAPACITY_SET') ORDER BY id");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
            return kinds;
        });
        assertThat(audited).hasSize(3);
        assertThat(audited.get(0)).startsWith("CENTER_RULES_SET CDA-1 ").contains("\"centerClass\":\"D\"",
                "\"accreditedUntil\":\"2027-06-30\"", "holidays as sat");
        assertThat(audited.get(2)).isEqualTo("LANE_CAPACITY_SET lane-1 {\"capacityPerHour\":4}");
    }
}
