package co.rtm.agent.instruments.link;

import co.rtm.agent.instruments.ByteLink;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An observed CoAP resource as a byte stream: every notification's payload is handed to {@link #read} in the
 * order Californium delivers them (it drops notifications older than one already seen); {@link #write} POSTs
 * the bytes to the same resource, and a payload in the POST's response is read like a notification.
 * The link ends (read returns -1) when the server answers with an error code (e.g. 5.03 when it drops its
 * observers) or the observation fails.
 *
 * <p>CoAP observe is eventually consistent: a notification superseded before it was sent may never arrive, so
 * the device should send whole frames per notification. The Californium configuration is built in code (no
 * {@code Californium3.properties} is read or written) and the client endpoint binds to the address given,
 * 127.0.0.1 by default.
 */
public final class CoapLink implements ByteLink {

    private static final byte[] END = new byte[0];

    private final URI uri;
    private final CoapEndpoint endpoint;
    private final CoapClient client;
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private volatile boolean ended;
    private CoapObserveRelation relation;
    private byte[] current = END;
    private int currentPos;

    private CoapLink(URI uri, CoapEndpoint endpoint, CoapClient client) {
        this.uri = uri;
        this.endpoint = endpoint;
        this.client = client;
    }

    /** Observe {@code resource} (e.g. {@code coap://127.0.0.1:5683/brake}) from a loopback endpoint. */
    public static CoapLink observe(URI resource, Duration requestTimeout) throws IOException {
        return observe(resource, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), requestTimeout);
    }

    /** Observe {@code resource} from an endpoint bound to {@code bind} (port 0 for any). */
    public static CoapLink observe(URI resource, InetSocketAddress bind, Duration requestTimeout)
            throws IOException {
        CoapEndpoint endpoint = new CoapEndpoint.Builder()
                .setConfiguration(configuration())
                .setInetSocketAddress(bind)
                .build();
        CoapClient client = new CoapClient(resource);
        CoapLink link = new CoapLink(resource, endpoint, client);
        try {
            endpoint.start();
            client.setEndpoint(endpoint);
            client.setTimeout(Math.max(1, requestTimeout.toMillis()));
            link.relation = client.observeAndWait(link.handler());
            CoapResponse first = link.relation == null ? null : link.relation.getCurrent();
            if (first == null) {
                throw new IOException(link.describe() + ": no answer");
            }
            if (!first.isSuccess() || link.relation.isCanceled()) {
                throw new IOException(link.describe() + ": not observable (answered " + first.getCode() + ")");
            }
            return link;
        } catch (IOException | ConnectorException | RuntimeException e) {
            link.close();
            throw e instanceof IOException io ? io : new IOException(link.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The Californium configuration both ends use: standard values, built in code, no properties file. */
    public static Configuration configuration() {
        CoapConfig.register();
        UdpConfig.register();
        return Configuration.createStandardWithoutFile();
    }

    private CoapHandler handler() {
        return new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                if (!response.isSuccess()) {
                    end();
                    return;
                }
                byte[] payload = response.getPayload();
                if (payload != null && payload.length > 0 && !ended) {
                    chunks.add(payload);
                }
            }

            @Override
            public void onError() {
                end();
            }
        };
    }

    private void end() {
        ended = true;
        chunks.add(END);
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        if (currentPos >= current.length) {
            try {
                byte[] next = chunks.poll(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
                if (next == null) {
                    return ended ? -1 : 0;
                }
                if (next == END) {
                    chunks.add(END);   // stay ended for later calls
                    return -1;
                }
                current = next;
                currentPos = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(describe() + ": interrupted", e);
            }
        }
        int n = Math.min(buf.length, current.length - currentPos);
        System.arraycopy(current, currentPos, buf, 0, n);
        currentPos += n;
        return n;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (ended) {
            throw new IOException(describe() + ": observation ended");
        }
        CoapResponse response;
        try {
            response = client.post(data, MediaTypeRegistry.APPLICATION_OCTET_STREAM);
        } catch (ConnectorException e) {
            throw new IOException(describe() + ": " + e.getMessage(), e);
        }
        if (response == null) {
            throw new IOException(describe() + ": POST timed out");
        }
        if (!response.isSuccess()) {
            throw new IOException(describe() + ": POST answered " + response.getCode());
        }
        byte[] payload = response.getPayload();
        if (payload != null && payload.length > 0) {
            chunks.add(payload);
        }
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    @Override
    public void close() {
        ended = true;
        chunks.add(END);
        if (relation != null) {
            relation.reactiveCancel();
        }
        client.shutdown();
        endpoint.destroy();
    }
}
