package co.rtm.agent.instruments.link;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerialLinkTest {

    @Test
    void settingsParseAndPrintTheUsualShorthand() {
        SerialLink.Settings s = SerialLink.Settings.parse("19200,7e2");
        assertThat(s.baud()).isEqualTo(19200);
        assertThat(s.dataBits()).isEqualTo(7);
        assertThat(s.parity()).isEqualTo(SerialLink.Parity.EVEN);
        assertThat(s.stopBits()).isEqualTo(SerialLink.StopBits.TWO);
        assertThat(s).hasToString("19200,7E2");
        assertThat(SerialLink.Settings.parse("4800,8N1.5").stopBits()).isEqualTo(SerialLink.StopBits.ONE_AND_HALF);
        assertThatThrownBy(() -> SerialLink.Settings.parse("9600-8N1")).hasMessageContaining("9600,8N1");
        assertThatThrownBy(() -> SerialLink.Settings.parse("9600,9N1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesCrossAPtyPairInOrderBothWays() throws Exception {
        try (SocatPair pair = SocatPair.start(Path.of("target", "serial-link-test"));
             SerialLink agent = SerialLink.open(pair.a.toString(), "9600,8N1");
             SerialLink device = SerialLink.open(pair.b.toString(), "9600,8N1")) {
            assertThat(agent.describe()).isEqualTo("serial:" + pair.a + "@9600,8N1");

            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (int i = 0; i < 200; i++) {
                byte[] line = ("V," + i + "\n").getBytes(StandardCharsets.US_ASCII);
                device.write(line);
                sent.write(line);
            }
            byte[] all = sent.toByteArray();
            assertThat(readExactly(agent, all.length)).isEqualTo(all);

            agent.write("POLL\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(readExactly(device, 5), StandardCharsets.US_ASCII)).isEqualTo("POLL\n");
        }
    }

    @Test
    void aQuietLineReturnsZeroAfterTheTimeout() throws Exception {
        try (SocatPair pair = SocatPair.start(Path.of("target", "serial-link-quiet"));
             SerialLink agent = SerialLink.open(pair.a.toString(), "9600,8N1")) {
            long t0 = System.nanoTime();
            assertThat(agent.read(new byte[16], Duration.ofMillis(150))).isZero();
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(145L, 2_000L);
            t0 = System.nanoTime();
            assertThat(agent.read(new byte[16], Duration.ofMillis(20))).isZero();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("not rounded up to a tenth of a second")
                    .isBetween(19L, 90L);
            agent.close();
            assertThat(agent.read(new byte[16], Duration.ofMillis(50))).isEqualTo(-1);
        }
    }

    @Test
    void anAdapterThatDisappearsEndsOrFailsTheRead() throws Exception {
        SocatPair pair = SocatPair.start(Path.of("target", "serial-link-unplug"));
        try (SerialLink agent = SerialLink.open(pair.a.toString(), "9600,8N1")) {
            pair.close();                     // the pty goes away, as a USB adapter pulled out
            long deadline = System.nanoTime() + 3_000_000_000L;
            boolean ended = false;
            while (!ended && System.nanoTime() < deadline) {
                try {
                    ended = agent.read(new byte[16], Duration.ofMillis(100)) < 0;
                } catch (IOException e) {
                    assertThat(e).hasMessageContaining(agent.describe());
                    ended = true;
                }
            }
            assertThat(ended).as("the read noticed the pty is gone").isTrue();
        }
    }

    @Test
    void aMissingPortFailsToOpenNamingIt() {
        assertThatThrownBy(() -> SerialLink.open("target/no-such-tty", "9600,8N1"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("serial:target/no-such-tty@9600,8N1");
    }

    static byte[] readExactly(SerialLink link, int n) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[64];
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (got.size() < n && System.nanoTime() < deadline) {
            int r = link.read(buf, Duration.ofMillis(100));
            assertThat(r).isNotNegative();
            got.write(buf, 0, r);
        }
        return got.toByteArray();
    }
}
