package co.rtm.agent.instruments.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayLinkTest {

    @Test
    void returnsTheFileInChunksThenMinusOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("capture.bin");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7});
        try (ReplayLink link = ReplayLink.of(file, 3)) {
            byte[] buf = new byte[10];
            assertThat(link.read(buf, Duration.ZERO)).isEqualTo(3);
            assertThat(buf).startsWith(1, 2, 3);
            assertThat(link.read(buf, Duration.ZERO)).isEqualTo(3);
            assertThat(buf).startsWith(4, 5, 6);
            assertThat(link.read(buf, Duration.ZERO)).isEqualTo(1);
            assertThat(buf[0]).isEqualTo((byte) 7);
            assertThat(link.read(buf, Duration.ZERO)).isEqualTo(-1);
            assertThat(link.read(buf, Duration.ZERO)).isEqualTo(-1);
            assertThat(link.describe()).isEqualTo("replay:" + file);
        }
    }

    @Test
    void aSmallBufferTakesLessThanAChunkAndNothingIsLost() {
        ReplayLink link = ReplayLink.of(new byte[] {9, 8, 7, 6}, 100);
        byte[] buf = new byte[3];
        assertThat(link.read(buf, Duration.ZERO)).isEqualTo(3);
        assertThat(link.read(buf, Duration.ZERO)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 6);
        link.close();
        assertThat(link.read(buf, Duration.ZERO)).isEqualTo(-1);
        assertThatThrownBy(() -> ReplayLink.of(new byte[1], 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
