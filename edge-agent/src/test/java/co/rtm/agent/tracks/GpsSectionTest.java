package co.rtm.agent.tracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.rtm.agent.inspection.LaneInstruments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lane file's gps: entry, as 'run' reads it. */
class GpsSectionTest {
    @TempDir
    Path dir;

    private LaneInstruments open(String gps) throws Exception {
        Path file = dir.resolve("lane.yaml");
        Files.writeString(file, "instruments:\n  brakes: {tcp: \"127.0.0.1:9\"}\n" + gps);
        return LaneInstruments.open(file); // no laneIo: no Pi4J context is made
    }

    @Test
    void defaultsAndGivenValues() throws Exception {
        try (LaneInstruments lane = open("")) {
            assertThat(lane.gps()).isEmpty();
        }
        try (LaneInstruments lane = open("gps: {tcp: \"127.0.0.1:4002\"}\n")) {
            TrackSettings s = lane.gps().orElseThrow();
            assertThat(s.batchEvery()).isEqualTo(Duration.ofSeconds(30));
            assertThat(s.batchFixes()).isEqualTo(30);
            assertThat(s.maxHdop()).isEqualTo(5.0);
            assertThat(s.outboxShare()).isEqualTo(0.25);
        }
        try (LaneInstruments lane = open("gps: {serial: /dev/ttyUSB1, batchSeconds: 10, batchFixes: 5, maxHdop: 2.5}\n")) {
            TrackSettings s = lane.gps().orElseThrow();
            assertThat(s.batchEvery()).isEqualTo(Duration.ofSeconds(10));
            assertThat(s.batchFixes()).isEqualTo(5);
            assertThat(s.maxHdop()).isEqualTo(2.5);
        }
    }

    @Test
    void badEntriesNameTheFileAndTheField() {
        assertThatThrownBy(() -> open("gps: {tcp: \"nowhere\"}\n")).hasMessageEndingWith("gps.tcp: expected host:port, got 'nowhere'");
        assertThatThrownBy(() -> open("gps: {tcp: \"127.0.0.1:4002\", batchSeconds: 0}\n"))
                .hasMessageEndingWith("gps: batchSeconds must be at least 1");
        assertThatThrownBy(() -> open("gps: {tcp: \"127.0.0.1:4002\", outboxShare: 1.0}\n"))
                .hasMessageEndingWith("gps: outboxShare must be between 0 and 1 (exclusive): 1.0");
        assertThatThrownBy(() -> open("gps: {tcp: \"127.0.0.1:4002\", hz: 1}\n")).hasMessageContaining("gps");
    }
}
