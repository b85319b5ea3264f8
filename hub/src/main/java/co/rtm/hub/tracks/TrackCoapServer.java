package co.rtm.hub.tracks;

import co.rtm.hub.ingest.Ingestor;
import co.rtm.hub.transport.InboundMessage;
import co.rtm.profiles.wire.Ids;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.Topic;
import co.rtm.profiles.wire.TopicKind;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sealed trackers' way in (DESIGN §7, art. 3.3.1.6 i): CoAP over DTLS with pre-shared keys on 127.0.0.1.
 * A tracker POSTs one signed {@code track} envelope to {@code coaps://HOST:PORT/tracks/{centerId}/{stationId}};
 * the DTLS PSK identity must be that station id. The envelope then takes exactly the MQTT path's checks
 * ({@link Ingestor#ingestDirect}). Answers: 2.04 Changed with the signed ack (ACCEPTED or DUPLICATE),
 * 4.00 Bad Request for a payload the hub refuses as malformed or invalid (the signed ack when one could be made,
 * else the reason as text), 4.03 Forbidden for a path that is not the PSK's own station or a refusal about who
 * sent it (unknown or inactive station, key, signature, replayed seq), 5.00 when the database failed (resend).
 */
public final class TrackCoapServer implements AutoCloseable {

    /** The IANA port for coaps. */
    public static final int DEFAULT_PORT = 5684;
    private static final Logger LOG = LoggerFactory.getLogger(TrackCoapServer.class);
    private static final Set<String> BAD_REQUEST = Set.of(RejectReason.MALFORMED_ENVELOPE.name(),
            RejectReason.MALFORMED_PAYLOAD.name());

    private final CoapServer server;
    private final CoapEndpoint endpoint;

    private TrackCoapServer(CoapServer server, CoapEndpoint endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Binds 127.0.0.1:{@code port} (0: any free port) and starts serving. */
    public static TrackCoapServer start(Ingestor ingestor, TrackerPsks psks, int port) {
        Configuration config = configuration();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8,
                        CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256)
                .setAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .setAdvancedPskStore(new TrackerPskStore(psks))
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build();
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(new TracksResource(ingestor));
        server.start();
        LOG.info("trackers: coaps://{}/tracks/{{centerId}}/{{stationId}} (DTLS, pre-shared keys)", endpoint.getAddress());
        return new TrackCoapServer(server, endpoint);
    }

    /** The Californium configuration, built in code (no properties file written). */
    public static Configuration configuration() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        return Configuration.createStandardWithoutFile();
    }

    public int port() {
        return endpoint.getAddress().getPort();
    }

    /** e.g. {@code coaps://127.0.0.1:5684} */
    public String url() {
        return "coaps://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.destroy();
    }

    /** {@code /tracks/{centerId}/{stationId}}: every deeper path lands here and is checked in the handler. */
    private static final class TracksResource extends CoapResource {
        private final Ingestor ingestor;

        TracksResource(Ingestor ingestor) {
            super("tracks");
            this.ingestor = ingestor;
        }

        @Override
        public Resource getChild(String name) {
            return this;
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            List<String> path = exchange.getRequestOptions().getUriPath();
            if (path.size() != 3 || !Ids.isSafe(path.get(1)) || !Ids.isSafe(path.get(2))) {
                exchange.respond(ResponseCode.BAD_REQUEST, "POST to /tracks/{centerId}/{stationId}");
                return;
            }
            String stationId = path.get(2);
            Optional<String> identity = pskIdentity(exchange.advanced().getRequest().getSourceContext().getPeerIdentity());
            if (identity.isEmpty() || !identity.get().equals(stationId)) {
                exchange.respond(ResponseCode.FORBIDDEN, "the DTLS identity " + identity.orElse("(none)")
                        + " may only post to its own station's track");
                return;
            }
            Topic topic = new Topic(path.get(1), stationId, TopicKind.TRACK);
            Ingestor.Direct answer;
            try {
                answer = ingestor.ingestDirect(new InboundMessage(topic.name(), exchange.getRequestPayload(),
                        Optional.empty(), Optional.empty(), false));
            } catch (RuntimeException e) {
                LOG.warn("track batch from tracker {} not stored: {}", stationId, e.toString());
                exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, "not stored; send it again");
                return;
            }
            if (answer.refusal() == null) {
                exchange.respond(ResponseCode.CHANGED, ingestor.sign(answer.ack()), MediaTypeRegistry.APPLICATION_JSON);
                return;
            }
            String code = answer.refusal().substring(0, Math.max(0, answer.refusal().indexOf(':')));
            ResponseCode status = BAD_REQUEST.contains(code) ? ResponseCode.BAD_REQUEST : ResponseCode.FORBIDDEN;
            if (answer.ack() != null) {
                exchange.respond(status, ingestor.sign(answer.ack()), MediaTypeRegistry.APPLICATION_JSON);
            } else {
                exchange.respond(status, answer.refusal().getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN);
            }
        }

        private static Optional<String> pskIdentity(Principal p) {
            return p instanceof PreSharedKeyIdentity psk ? Optional.of(psk.getIdentity()) : Optional.empty();
        }
    }
}
