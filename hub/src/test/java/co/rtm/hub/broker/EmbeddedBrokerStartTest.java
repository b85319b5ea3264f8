package co.rtm.hub.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerStartTest {

    @Test
    void failsInsteadOfRunningWithoutAListenerWhenThePortIsTaken(@TempDir Path dir) throws Exception {
        QuietLogs.apply();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedBroker.start(dir, taken.getLocalPort(), new InMemoryAuthenticator()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }
}
