package co.rtm.agent.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import co.rtm.profiles.config.StationConfig;
import co.rtm.profiles.vehicle.VehicleKind;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.SigningKey;

class StationLimitsTest {
    static final SigningKey HUB = Ed25519Keys.generate("hub#1");

    @TempDir
    Path dir;

    static StationConfig config(String station, long version, int capacity) {
        return new StationConfig("CDA-1", station, version, OffsetDateTime.parse("2026-01-01T00:00-05:00"), true,
                "cda-light@1", capacity, List.of(VehicleKind.LIGHT), null, null, null, List.of());
    }

    static byte[] signed(StationConfig c, SigningKey key) {
        return Envelope.sign(Json.write(c), StationConfig.TYPE, key);
    }

    StationLimits open() {
        return StationLimits.open(dir, HUB.verificationKey(), "CDA-1", "lane-1");
    }

    @Test
    void nothingReceivedMeansNoLimits() {
        assertThat(open().current()).isEmpty();
        assertThat(new LimitsGate(open(), HourlyStarts.open(dir), java.time.Clock.systemUTC(),
                co.rtm.agent.inspection.LaneDisplay.logging(org.slf4j.LoggerFactory.getLogger("t"))).holdReason()).isEmpty();
    }

    @Test
    void forgedUnsignedAndOtherStationsConfigsAreIgnoredAndThePreviousStays() {
        StationLimits limits = open();
        assertThat(limits.offer(signed(config("lane-1", 10, 5), HUB))).isTrue();

        // same kid, another key
        assertThat(limits.offer(signed(config("lane-1", 11, 1), Ed25519Keys.generate("hub#1")))).isFalse();
        // signed by a station key
        assertThat(limits.offer(signed(config("lane-1", 12, 1), Ed25519Keys.generate("lane-1#1")))).isFalse();
        // the hub's, but for another station
        assertThat(limits.offer(signed(config("lane-2", 13, 1), HUB))).isFalse();
        // unsigned JSON
        assertThat(limits.offer(Json.write(config("lane-1", 14, 1)))).isFalse();
        // the hub's signature over another typ
        assertThat(limits.offer(Envelope.sign(Json.write(config("lane-1", 15, 1)), "ack", HUB))).isFalse();
        // a payload altered after signing
        String good = new String(signed(config("lane-1", 16, 1), HUB), StandardCharsets.US_ASCII);
        String tampered = good.substring(0, good.length() - 5) + (good.charAt(good.length() - 5) == 'A' ? 'B' : 'A')
                + good.substring(good.length() - 4);
        assertThat(limits.offer(tampered.getBytes(StandardCharsets.US_ASCII))).isFalse();

        assertThat(limits.current().orElseThrow().version()).isEqualTo(10);
        assertThat(limits.current().orElseThrow().capacityPerHour()).isEqualTo(5);
    }

    @Test
    void anOlderConfigDeliveredLateDoesNotReplaceANewerOne() {
        StationLimits limits = open();
        assertThat(limits.offer(signed(config("lane-1", 20, 6), HUB))).isTrue();
        assertThat(limits.offer(signed(config("lane-1", 19, 2), HUB))).isFalse();
        assertThat(limits.offer(signed(config("lane-1", 20, 2), HUB))).isFalse();
        assertThat(limits.current().orElseThrow().capacityPerHour()).isEqualTo(6);
        assertThat(limits.offer(signed(config("lane-1", 21, 2), HUB))).isTrue();
        assertThat(limits.current().orElseThrow().capacityPerHour()).isEqualTo(2);
    }

    @Test
    void aRestartWithoutNetworkKeepsTheLimitsAndRefusesATamperedFile() throws Exception {
        open().offer(signed(config("lane-1", 30, 3), HUB));
        StationLimits restarted = open();
        assertThat(restarted.current().orElseThrow().version()).isEqualTo(30);
        assertThat(restarted.current().orElseThrow().capacityPerHour()).isEqualTo(3);
        // the kept config still orders later ones
        assertThat(restarted.offer(signed(config("lane-1", 29, 9), HUB))).isFalse();

        Files.write(dir.resolve(StationLimits.FILE_NAME), signed(config("lane-1", 99, 1), Ed25519Keys.generate("hub#1")));
        assertThat(open().current()).isEmpty();
    }

    @Test
    void theStartsOfTheHourSurviveARestartAndANewHourStartsFromZero() {
        HourlyStarts starts = HourlyStarts.open(dir);
        Instant t = Instant.parse("2026-01-13T15:10:00Z"); // 10:10 Bogotá
        starts.started(t);
        starts.started(t.plusSeconds(600));
        assertThat(HourlyStarts.open(dir).in(t.plusSeconds(2900))).isEqualTo(2);
        assertThat(HourlyStarts.open(dir).in(t.plusSeconds(3000))).isZero(); // 11:00
        HourlyStarts again = HourlyStarts.open(dir);
        again.started(t.plusSeconds(3000));
        again.started(t.minusSeconds(3600)); // a late start of an earlier hour is not this hour's
        assertThat(again.in(t.plusSeconds(3000))).isEqualTo(1);
    }
}
