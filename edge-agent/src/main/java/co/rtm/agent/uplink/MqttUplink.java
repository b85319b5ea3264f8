package co.rtm.agent.uplink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.rtm.agent.outbox.AckInfo;
import co.rtm.agent.outbox.ConfirmOutcome;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxMessage;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.TlsSockets;

/**
 * The station's MQTT 5 link to the hub (Paho). Connects as the station (client id and user name =
 * stationId), with {@code cleanStart=false} and an explicit session expiry so acks queued while the
 * station is offline are delivered when it returns; a retained will {@code offline} and a retained
 * {@code online} on every connect, both on the status topic. Subscribes at QoS 1 to the station's
 * ack and config topics (again on every connect: a broker that lost its state loses subscriptions).
 *
 * <p>A {@link Drainer} publishes outbox messages at QoS 1 with {@code responseTopic} = the ack topic
 * and {@code correlationData} = the UTF-8 bytes of the messageId's canonical string. A PUBACK only
 * marks the row SENT. An ack that the {@link AckVerifier} accepts is applied to the outbox with
 * {@link Outbox#confirm} before the ack's own PUBACK goes back to the broker, so a crash in between
 * means the broker delivers the ack again. Anything the verifier refuses changes nothing.
 *
 * <p>With an {@code ssl://} URL the connection trusts only the bundle's broker CA, verifies the broker's
 * host name, and presents the station's client certificate when the bundle carries one.
 *
 * <p>Paho's automatic reconnect only starts after a first successful connect, so the first connect
 * is retried here with backoff until it succeeds.
 */
public final class MqttUplink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttUplink.class);
    private static final byte[] ONLINE = "online".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.US_ASCII);
    /** RFC 7515 media type of the JWS JSON serialization. */
    private static final String CONTENT_TYPE = "application/jose+json";

    private final UplinkConfig config;
    private final StationTopics topics;
    private final Outbox outbox;
    private final AckVerifier verifier;
    private final ConfigListener configListener;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final Drainer drainer;
    private final Thread drainerThread;
    private final ScheduledExecutorService connector;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile long connectBackoffMs = 250;

    public MqttUplink(UplinkConfig config, Outbox outbox, AckVerifier verifier, ConfigListener configListener) {
        this.config = Objects.requireNonNull(config, "config");
        this.topics = config.topics();
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.configListener = Objects.requireNonNull(configListener, "configListener");
        if (config.usesTls() && config.tls() == null) {
            throw new IllegalArgumentException("the ssl:// broker URL needs the broker CA from the bundle, which has none "
                    + "(provision the station again on a hub that has a broker CA)");
        }
        try {
            // The outbox is the durable store; Paho's own persistence would only duplicate it.
            this.client = new MqttAsyncClient(config.serverUri(), topics.stationId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client for " + config.serverUri(), e);
        }
        this.options = connectionOptions();
        this.client.setCallback(new Callback());
        this.drainer = new Drainer(outbox, new PahoLink(), config.inFlightWindow(), config.ackTimeout(),
                config.pollInterval(), config.maxBackoff());
        this.drainerThread = new Thread(drainer, "outbox-drainer-" + topics.stationId());
        this.drainerThread.setDaemon(true);
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "uplink-connect-" + topics.stationId());
            t.setDaemon(true);
            return t;
        });
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        // Nagle off: small QoS 1 publishes would otherwise wait up to 40 ms for a delayed TCP ack each.
        if (config.serverUri().startsWith("tcp://")) o.setSocketFactory(co.rtm.profiles.wire.NoDelaySockets.INSTANCE);
        o.setUserName(topics.stationId());
        boolean certificateLogin = false;
        if (config.usesTls()) {
            // Trust only the hub's broker CA from the bundle, check the broker's host name, and log in with the
            // station's client certificate when the bundle has one (the broker then ignores passwords).
            StationBundle.Tls tls = config.tls();
            o.setSocketFactory(TlsSockets.factory(tls.caCertificate(), tls.clientCertificate(), tls.clientKey()));
            o.setHttpsHostnameVerificationEnabled(true);
            certificateLogin = tls.hasClientCertificate();
        }
        if (!certificateLogin) {
            o.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        o.setCleanStart(false);
        o.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        o.setKeepAliveInterval((int) config.keepAlive().toSeconds());
        o.setConnectionTimeout(10);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, (int) Math.max(1, config.maxBackoff().toSeconds()));
        MqttMessage will = new MqttMessage(OFFLINE);
        will.setQos(1);
        will.setRetained(true);
        o.setWill(topics.status(), will);
        return o;
    }

    /** Starts connecting and draining in the background; returns at once. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        drainerThread.start();
        connector.execute(this::connectUntilFirstSuccess);
    }

    /** Whether the MQTT connection is up right now. */
    public boolean isConnected() {
        return client.isConnected();
    }

    /** Tell the drainer to look at the outbox now, e.g. right after an append. */
    public void wake() {
        drainer.wake();
    }

    private void connectUntilFirstSuccess() {
        if (closed || client.isConnected()) {
            return;
        }
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.info("connected to {} as {} (session present: {})", config.serverUri(),
                            topics.stationId(), token.getSessionPresent());
                    // From here on Paho's automatic reconnect takes over.
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    retryConnect(error);
                }
            });
        } catch (MqttException e) {
            retryConnect(e);
        }
    }

    private void retryConnect(Throwable error) {
        if (closed) {
            return;
        }
        long delay = connectBackoffMs;
        connectBackoffMs = Math.min(delay * 2, config.maxBackoff().toMillis());
        LOG.warn("cannot connect to {} ({}); retrying in {} ms", config.serverUri(), error.toString(), delay);
        try {
            connector.schedule(this::connectUntilFirstSuccess, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Publishes {@code offline}, disconnects and stops draining. The outbox stays open (the caller owns it). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        connector.shutdownNow();
        drainer.stop();
        if (started) {
            try {
                drainerThread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (client.isConnected()) {
                try {
                    client.publish(topics.status(), OFFLINE, 1, true).waitForCompletion(2_000);
                } catch (MqttException e) {
                    LOG.debug("could not publish offline status", e);
                }
                client.disconnect(2_000).waitForCompletion(3_000);
            } else {
                client.disconnectForcibly(0, 1_000, false); // stops a pending automatic reconnect
            }
        } catch (MqttException e) {
            LOG.debug("disconnect: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.toString());
        }
    }

    // ---- inbound -----------------------------------------------------------------------------

    private void onAck(MqttMessage message) {
        Optional<AckInfo> verified = verifier.verify(message.getPayload());
        if (verified.isEmpty()) {
            LOG.warn("ignored a message on {} that does not verify as a hub ack ({} bytes)", topics.ack(),
                    message.getPayload().length);
            return;
        }
        AckInfo ack = verified.get();
        byte[] correlation = message.getProperties() == null ? null : message.getProperties().getCorrelationData();
        if (correlation != null && !Arrays.equals(correlation, correlationData(ack))) {
            // The signed payload is authoritative; correlation data is unsigned.
            LOG.warn("ack for {} carries correlation data of another message; using the signed messageId",
                    ack.messageId());
        }
        ConfirmOutcome outcome = outbox.confirm(ack);
        switch (outcome) {
            case ACKED -> LOG.debug("message {} {} (FUR {}, certificate {})", ack.messageId(), ack.status(),
                    ack.furNumber(), ack.certificateNumber());
            case REJECTED -> LOG.warn("hub REJECTED message {}: {}", ack.messageId(), ack.reason());
            case ALREADY_FINAL -> LOG.debug("repeated ack for {}", ack.messageId());
            case UNKNOWN -> LOG.info("ack for unknown message {} ignored", ack.messageId());
        }
        drainer.wake();
    }

    private static byte[] correlationData(AckInfo ack) {
        return ack.messageId().toString().getBytes(StandardCharsets.US_ASCII);
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // Runs on Paho's callback thread: asynchronous calls only, never waitForCompletion here.
            connectBackoffMs = 250;
            try {
                MqttSubscription ack = new MqttSubscription(topics.ack(), 1);
                MqttSubscription cfg = new MqttSubscription(topics.config(), 1);
                client.subscribe(new MqttSubscription[] {ack, cfg}, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        int[] codes = token.getReasonCodes();
                        if (codes != null && Arrays.stream(codes).anyMatch(c -> c >= 0x80)) {
                            LOG.error("broker refused a subscription ({}): acks or config will not arrive",
                                    Arrays.toString(codes));
                        }
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable error) {
                        LOG.error("subscribe failed", error);
                    }
                }, new MqttProperties());
                client.publish(topics.status(), ONLINE, 1, true);
            } catch (MqttException e) {
                LOG.warn("after connect: {}", e.toString());
            }
            if (reconnect) {
                LOG.info("reconnected to {}", serverURI);
            }
            drainer.wake();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("disconnected from {}: {}", config.serverUri(), response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error", exception);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Never throw from here: Paho drops the connection when a callback throws.
            try {
                if (topic.equals(topics.ack())) {
                    onAck(message);
                } else if (topic.equals(topics.config())) {
                    configListener.onConfig(message.getPayload());
                } else {
                    LOG.debug("ignored message on {}", topic);
                }
            } catch (RuntimeException e) {
                LOG.error("handling a message on {} failed", topic, e);
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // per-publish listeners handle completion
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }

    // ---- outbound ----------------------------------------------------------------------------

    private final class PahoLink implements Drainer.Link {
        @Override
        public boolean isConnected() {
            return client.isConnected();
        }

        @Override
        public CompletionStage<Void> publish(OutboxMessage m) throws MqttException {
            MqttMessage msg = new MqttMessage(m.payload());
            msg.setQos(1);
            msg.setRetained(false);
            MqttProperties props = new MqttProperties();
            props.setResponseTopic(topics.ack());
            props.setCorrelationData(m.messageId().toString().getBytes(StandardCharsets.US_ASCII));
            props.setPayloadFormat(true);
            props.setContentType(CONTENT_TYPE);
            msg.setProperties(props);
            CompletableFuture<Void> done = new CompletableFuture<>();
            client.publish(m.topic(), msg, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && Arrays.stream(codes).anyMatch(c -> c >= 0x80)) {
                        done.completeExceptionally(new IllegalStateException(
                                "broker refused publish with reason " + Arrays.toString(codes)));
                    } else {
                        done.complete(null);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            return done;
        }
    }
}
