package co.rtm.profiles.tracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrackBatchTest {

    static final MessageHeader HEADER = new MessageHeader(UUID.fromString("0b7c4b8e-5f0e-4d43-9c7a-6a1f0e0f9a11"),
            "cda-0042", "movil-1", 9, "boot-1", OffsetDateTime.parse("2026-03-02T09:00:31.250-05:00"));
    static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    static TrackFix fix(int second, double lat, double lon) {
        return new TrackFix(T0.plusSeconds(second), lat, lon, 2600.5, 12.3, 181.0, 0.9, 9, 1);
    }

    @Test
    void jsonIsFlatHeaderThenFixesOldestFirstAndReadsBack() throws IOException {
        TrackBatch batch = TrackBatch.of(HEADER, List.of(fix(0, 4.6097, -74.0817),
                new TrackFix(T0.plusSeconds(1), 4.6098, -74.0818, null, null, null, 1.2, null, 2)));
        byte[] json = Json.write(batch);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.fieldNames()).toIterable().containsExactly("messageId", "centerId", "stationId", "seq", "bootId",
                "createdAt", "fixes");
        assertThat(tree.get("fixes").get(0).get("deviceTime").asText()).isEqualTo("2026-03-02T14:00:00Z");
        assertThat(tree.get("fixes").get(1).has("altitudeM")).as("unknown altitude is omitted").isFalse();
        assertThat(Json.read(json, TrackBatch.class)).isEqualTo(batch);
        assertThat(batch.header()).isEqualTo(HEADER);
    }

    @Test
    void refusesEmptyOversizedAndUnorderedBatches() {
        assertThatThrownBy(() -> TrackBatch.of(HEADER, List.of())).hasMessage("a track batch needs at least one fix");
        List<TrackFix> max = new ArrayList<>();
        for (int i = 0; i < TrackBatch.MAX_FIXES; i++) {
            max.add(fix(i, 4.6, -74.0));
        }
        assertThat(TrackBatch.of(HEADER, max).fixes()).hasSize(TrackBatch.MAX_FIXES);
        max.add(fix(TrackBatch.MAX_FIXES, 4.6, -74.0));
        assertThatThrownBy(() -> TrackBatch.of(HEADER, max))
                .hasMessage("a track batch holds at most 3600 fixes, got 3601");
        assertThatThrownBy(() -> TrackBatch.of(HEADER, List.of(fix(1, 4.6, -74.0), fix(0, 4.6, -74.0))))
                .hasMessageStartingWith("fixes must be oldest first with strictly increasing device times: fix 1 at");
        assertThatThrownBy(() -> TrackBatch.of(HEADER, List.of(fix(1, 4.6, -74.0), fix(1, 4.6, -74.0))))
                .hasMessageContaining("is not after");
    }

    @Test
    void latitudeAndLongitudeRangesIncludeTheirEnds() {
        assertThat(fix(0, 90, 180).lat()).isEqualTo(90);
        assertThat(fix(0, -90, -180).lon()).isEqualTo(-180);
        assertThatThrownBy(() -> fix(0, 90.000001, 0)).hasMessage("lat must be within [-90, 90]: 90.000001");
        assertThatThrownBy(() -> fix(0, 0, -180.000001)).hasMessage("lon must be within [-180, 180]: -180.000001");
        assertThatThrownBy(() -> fix(0, Double.NaN, 0)).hasMessageStartingWith("lat must be");
        assertThatThrownBy(() -> new TrackFix(T0, 4.6, -74, null, null, null, 1, null, 0))
                .hasMessage("quality must be a fix quality 1..8 (0 is no fix): 0");
        assertThatThrownBy(() -> new TrackFix(T0, 4.6, -74, null, null, null, -0.1, null, 1))
                .hasMessage("hdop must be >= 0: -0.1");
    }

    @Test
    void anInvalidFixInJsonIsAReadError() {
        String json = new String(Json.write(TrackBatch.of(HEADER, List.of(fix(0, 4.6, -74.0)))), StandardCharsets.UTF_8)
                .replace("\"lat\":4.6", "\"lat\":91.0");
        assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), TrackBatch.class))
                .isInstanceOf(IOException.class).hasMessageContaining("lat must be within [-90, 90]: 91.0");
    }
}
