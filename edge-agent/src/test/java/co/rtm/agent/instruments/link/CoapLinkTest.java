package co.rtm.agent.instruments.link;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class CoapLinkTest {

    /**
     * An observable resource whose notifications carry what was pushed since the last one. Notifications are
     * CON and one at a time (the next waits for the previous one's ACK): Californium may otherwise send
     * concurrent notifications out of order, and the client drops the ones older than one it has seen.
     */
    static final class Stream extends CoapResource {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean inFlight;
        final List<String> posted = new CopyOnWriteArrayList<>();

        Stream() {
            super("stream");
            setObservable(true);
            setObserveType(CoAP.Type.CON);
            getAttributes().setObservable();
        }

        void push(byte[] bytes) {
            synchronized (pending) {
                pending.writeBytes(bytes);
                if (inFlight || getObserverCount() == 0) {
                    return;
                }
                inFlight = true;
            }
            changed();
        }

        private void sent() {
            synchronized (pending) {
                inFlight = false;
                if (pending.size() == 0) {
                    return;
                }
                inFlight = true;
            }
            changed();
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            byte[] payload;
            synchronized (pending) {
                payload = pending.toByteArray();
                pending.reset();
            }
            Response r = new Response(CoAP.ResponseCode.CONTENT);
            r.setPayload(payload);
            r.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
            boolean notification = exchange.advanced().getResponse() != null;
            if (notification) {
                r.addMessageObserver(new MessageObserverAdapter() {
                    @Override public void onSent(boolean retransmission) {
                        if (r.getType() != CoAP.Type.CON) {
                            sent();
                        }
                    }
                    @Override public void onAcknowledgement() { sent(); }
                    @Override public void onTimeout() { sent(); }
                    @Override public void onCancel() { sent(); }
                    @Override public void onReject() { sent(); }
                    @Override public void onSendError(Throwable error) { sent(); }
                });
            }
            exchange.respond(r);
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            posted.add(new String(exchange.getRequestPayload(), StandardCharsets.US_ASCII));
            exchange.respond(CoAP.ResponseCode.CHANGED, "ACK".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Generous: on a loaded 2-core CI machine the first answer once took over 2 s. */
    private static final Duration OBSERVE_TIMEOUT = Duration.ofSeconds(10);

    private CoapServer server;
    private Stream stream;
    private URI uri;

    @BeforeEach
    void serve() {
        server = new CoapServer(CoapLink.configuration());
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(CoapLink.configuration())
                .setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build());
        stream = new Stream();
        server.add(stream);
        server.start();
        uri = URI.create("coap://127.0.0.1:" + server.getEndpoints().get(0).getAddress().getPort() + "/stream");
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    void notificationsArriveAsOneOrderedByteStream() throws Exception {
        try (CoapLink link = CoapLink.observe(uri, OBSERVE_TIMEOUT)) {
            assertThat(link.describe()).isEqualTo(uri.toString());
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (int i = 0; i < 100; i++) {
                byte[] line = ("V," + i + "\n").getBytes(StandardCharsets.US_ASCII);
                sent.writeBytes(line);
                stream.push(line);
                Thread.sleep(2);
            }
            byte[] expected = sent.toByteArray();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[7];     // smaller than a notification: partial reads keep the rest
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (got.size() < expected.length && System.nanoTime() < deadline) {
                int n = link.read(buf, Duration.ofMillis(100));
                assertThat(n).isNotNegative();
                got.write(buf, 0, n);
            }
            assertThat(new String(got.toByteArray(), StandardCharsets.US_ASCII))
                    .isEqualTo(new String(expected, StandardCharsets.US_ASCII));
            assertThat(link.read(buf, Duration.ofMillis(50))).isZero();

            link.write("ZERO\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(stream.posted).containsExactly("ZERO\n");
            byte[] ack = new byte[3];
            assertThat(link.read(ack, Duration.ofSeconds(1))).isEqualTo(3);
            assertThat(new String(ack, StandardCharsets.US_ASCII)).isEqualTo("ACK");
        }
        assertThat(Path.of("Californium3.properties")).doesNotExist();
    }

    @Test
    void theLinkEndsWhenTheServerDropsItsObservers() throws Exception {
        try (CoapLink link = CoapLink.observe(uri, OBSERVE_TIMEOUT)) {
            stream.clearAndNotifyObserveRelations(CoAP.ResponseCode.SERVICE_UNAVAILABLE);
            int n = 0;
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (n == 0 && System.nanoTime() < deadline) {
                n = link.read(new byte[8], Duration.ofMillis(100));
            }
            assertThat(n).isEqualTo(-1);
            assertThatThrownBy(() -> link.write(new byte[] {1})).isInstanceOf(IOException.class);
        }
    }

    @Test
    void reconnectingManyTimesLeavesNoThreadsBehind() throws Exception {
        CoapLink.observe(uri, OBSERVE_TIMEOUT).close();     // first use starts Californium's shared parts
        Thread.sleep(200);
        int before = Thread.activeCount();
        for (int i = 0; i < 20; i++) {
            CoapLink.observe(uri, OBSERVE_TIMEOUT).close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.activeCount() <= before + 2);
    }

    @Test
    void aResourceThatDoesNotExistCannotBeObserved() {
        URI missing = uri.resolve("/nothing");
        assertThatThrownBy(() -> CoapLink.observe(missing, Duration.ofSeconds(2)))
                .isInstanceOf(IOException.class).hasMessageContaining("/nothing");
        assertThat(Files.exists(Path.of("Californium3.properties"))).isFalse();
    }
}
