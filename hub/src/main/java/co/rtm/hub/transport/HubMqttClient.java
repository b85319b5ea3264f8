package co.rtm.hub.transport;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's side of the wire contract (DESIGN §3): receives what stations publish under
 * {@code runt/v1/+/+/+} and sends acks back to the response topic they named.
 *
 * <p>Delivery is at least once end to end: the session is persistent (clean start off, explicit
 * session expiry), messages are acknowledged only after the {@link MessageHandler} returned, and
 * a failing handler makes the client drop the connection and connect again (backing off up to
 * 30 s) so the broker redelivers; messages arriving meanwhile are left unacknowledged too. The
 * client reconnects by itself after a lost connection and subscribes again after every reconnect
 * (harmless when the session survived).
 *
 * <p>Paho 1.2.5 is documented to drop the connection when {@code messageArrived} throws, but it
 * did not redeliver in practice, so the bounce is done here explicitly.
 *
 * <p>Messages on the hub's own downstream topics ({@code ack}, {@code config}), which the
 * wildcard subscription also matches, are acknowledged and not handed to the handler.
 */
public final class HubMqttClient implements StationLink {

    private static final Logger LOG = LoggerFactory.getLogger(HubMqttClient.class);
    private static final String STATION_TOPICS = "runt/v1/+/+/+";
    private static final String SHARED_PREFIX = "$share/hub/";
    private static final Set<String> DOWNSTREAM_KINDS = Set.of("ack", "config");
    private static final int QOS = 1;
    private static final long CONNECT_TIMEOUT_MS = 15_000;
    private static final long MAX_BOUNCE_DELAY_MS = 30_000;

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final String topicFilter;
    private final AsyncMessageHandler handler;
    /** Messages handed over and not yet acknowledged, in arrival order; guarded by itself. */
    private final java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();
    /** Bumped when a failure drops the connection: completions of older messages must not ack new packet ids. */
    private long generation;
    private final ExecutorService bouncer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-mqtt-bounce");
        thread.setDaemon(true);
        return thread;
    });
    /** Set from a handler failure until the client connected again; nothing is acked meanwhile. */
    private final AtomicBoolean bouncing = new AtomicBoolean();
    private final java.util.Queue<PendingReply> replies = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ScheduledExecutorService pumper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "hub-mqtt-replies");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    private HubMqttClient(MqttAsyncClient client, MqttConnectionOptions options, String topicFilter,
            AsyncMessageHandler handler) {
        this.client = client;
        this.options = options;
        this.topicFilter = topicFilter;
        this.handler = handler;
    }

    /**
     * Connects, subscribes with QoS 1 and starts handing messages to {@code handler}. Messages
     * queued in a surviving session may reach the handler before this method returns.
     *
     * @throws MqttException if the broker refuses the connection or the subscription
     */
    public static HubMqttClient connect(HubClientSettings settings, MessageHandler handler) throws MqttException {
        Objects.requireNonNull(handler, "handler");
        return connectPipelined(settings, message -> {
            try {
                handler.handle(message);
                return CompletableFuture.completedFuture(null);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /**
     * As {@link #connect}, for a handler that finishes messages later (see {@link AsyncMessageHandler}): the client
     * keeps reading while earlier messages are still being stored, and acknowledges them in arrival order.
     */
    public static HubMqttClient connectPipelined(HubClientSettings settings, AsyncMessageHandler handler)
            throws MqttException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(handler, "handler");
        MqttAsyncClient client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        String filter = settings.shared() ? SHARED_PREFIX + STATION_TOPICS : STATION_TOPICS;
        HubMqttClient hub = new HubMqttClient(client, connectionOptions(settings), filter, handler);
        client.setManualAcks(true);
        client.setCallback(hub.new Callback());
        hub.pumper.scheduleWithFixedDelay(hub::pumpReplies, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            hub.establish();
        } catch (MqttException | RuntimeException e) {
            hub.closeQuietly();
            throw e;
        }
        LOG.info("hub client '{}' connected to {} and subscribed to {}", settings.clientId(), settings.brokerUrl(), filter);
        return hub;
    }

    /**
     * Publishes a reply (QoS 1, not retained) to the topic a station named, echoing its
     * correlation data. Never blocks; the future completes when the broker acknowledged it.
     * Do not wait on it inside {@link MessageHandler#handle}.
     *
     * @param correlationData null if the request carried none
     */
    @Override
    public CompletableFuture<Void> reply(String responseTopic, byte[] correlationData, byte[] payload) {
        Objects.requireNonNull(responseTopic, "responseTopic");
        Objects.requireNonNull(payload, "payload");
        MqttProperties properties = new MqttProperties();
        if (correlationData != null) {
            properties.setCorrelationData(correlationData.clone());
        }
        MqttMessage message = new MqttMessage(payload.clone(), QOS, false, properties);
        CompletableFuture<Void> done = new CompletableFuture<>();
        replies.add(new PendingReply(responseTopic, message, done));
        pumpReplies();
        return done;
    }

    /**
     * Publishes a retained QoS 1 message (a station's config) through the same queue as the replies. Never blocks;
     * the future completes when the broker acknowledged it.
     */
    @Override
    public CompletableFuture<Void> publishRetained(String topic, byte[] payload) {
        Objects.requireNonNull(topic, "topic");
        MqttMessage message = new MqttMessage(payload.clone(), QOS, true, new MqttProperties());
        CompletableFuture<Void> done = new CompletableFuture<>();
        replies.add(new PendingReply(topic, message, done));
        pumpReplies();
        return done;
    }

    /** A reply waiting for room in the broker's receive window. */
    private record PendingReply(String topic, MqttMessage message, CompletableFuture<Void> done) {}

    /**
     * Publishes queued replies in order until the in-flight window is full (Paho refuses with 32202 instead of
     * queueing); every PUBACK pumps again, and a timer pumps in case nothing is in flight. Dropping an ack here
     * would cost the station a full ack timeout and a resend.
     */
    private void pumpReplies() {
        synchronized (replies) {
            PendingReply p;
            while ((p = replies.peek()) != null) {
                PendingReply current = p;
                try {
                    client.publish(current.topic(), current.message(), null, new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int[] codes = token.getReasonCodes();
                            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                                current.done().completeExceptionally(new MqttException(codes[0]));
                            } else {
                                current.done().complete(null);
                            }
                            pumpSoon();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            current.done().completeExceptionally(failure);
                            pumpSoon();
                        }
                    });
                    replies.poll();
                } catch (MqttException e) {
                    if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) return; // wait for a PUBACK
                    replies.poll();
                    current.done().completeExceptionally(e);
                } catch (RuntimeException e) {
                    replies.poll();
                    current.done().completeExceptionally(e);
                }
            }
        }
    }

    private void pumpSoon() {
        if (!replies.isEmpty() && !closed) pumper.execute(this::pumpReplies);
    }

    /** A message handed to the handler: acknowledged once it and all before it finished. */
    private static final class Pending {
        final long generation;
        final int packetId;
        final int qos;
        volatile boolean finished;
        volatile Throwable failure;

        Pending(long generation, int packetId, int qos) {
            this.generation = generation;
            this.packetId = packetId;
            this.qos = qos;
        }

        void finish(Throwable failure) {
            this.failure = failure;
            this.finished = true;
        }
    }

    /** Sends the PUBACKs of finished messages at the head of the queue; a failed one drops the connection. */
    private void ackInOrder() {
        synchronized (pending) {
            Pending head;
            while ((head = pending.peek()) != null && head.finished) {
                pending.poll();
                if (head.generation != generation) {
                    continue; // from before a bounce: the broker delivers it again
                }
                if (head.failure != null) {
                    generation++;
                    pending.clear();
                    if (bouncing.compareAndSet(false, true) && !closed) {
                        bouncer.execute(this::bounce);
                    }
                    return;
                }
                if (head.qos > 0) {
                    try {
                        client.messageArrivedComplete(head.packetId, head.qos);
                    } catch (MqttException | RuntimeException e) {
                        LOG.warn("could not acknowledge packet {}: {}", head.packetId, e.toString());
                    }
                }
            }
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Disconnects normally and releases the client. Unacknowledged messages stay in the broker's
     * session and are delivered again to the next client with the same id.
     */
    @Override
    public void close() {
        closed = true;
        bouncer.shutdownNow();
        pumper.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(CONNECT_TIMEOUT_MS);
            }
        } catch (MqttException e) {
            LOG.warn("hub client '{}' did not disconnect cleanly", client.getClientId(), e);
        }
        closeQuietly();
    }

    /** Simulates a crash for tests: the socket goes away without DISCONNECT and without acks. */
    void crash() throws MqttException {
        closed = true;
        bouncer.shutdownNow();
        client.disconnectForcibly(0, 0, false);
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing hub client", e);
        }
    }

    private void establish() throws MqttException {
        client.connect(options).waitForCompletion(CONNECT_TIMEOUT_MS);
        IMqttToken subscribed = subscribe(null);
        subscribed.waitForCompletion(CONNECT_TIMEOUT_MS);
        requireGranted(subscribed, topicFilter);
    }

    /** Drops the connection without acking, then connects again until it works or we close. */
    private void bounce() {
        dropConnection();
        long delayMs = 1_000;
        while (!closed) {
            try {
                Thread.sleep(delayMs);
                bouncing.set(false); // redeliveries may arrive right after CONNACK
                establish();
                LOG.info("hub client '{}' connected again; unacknowledged messages will be redelivered",
                        client.getClientId());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (MqttException e) {
                bouncing.set(true);
                LOG.warn("hub client '{}' could not connect again: {}", client.getClientId(), e.getMessage());
                dropConnection(); // connected but not subscribed: start over next round
                delayMs = Math.min(delayMs * 2, MAX_BOUNCE_DELAY_MS);
            }
        }
    }

    private void dropConnection() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1_000, false);
            }
        } catch (MqttException e) {
            LOG.debug("dropping the connection for redelivery", e);
        }
    }

    private IMqttToken subscribe(MqttActionListener listener) throws MqttException {
        MqttSubscription subscription = new MqttSubscription(topicFilter, QOS);
        return client.subscribe(new MqttSubscription[] {subscription}, null, listener, new MqttProperties());
    }

    private static void requireGranted(IMqttToken token, String filter) throws MqttException {
        int[] codes = token.getReasonCodes();
        if (codes == null || codes.length != 1 || codes[0] >= 0x80) {
            throw new MqttException(codes != null && codes.length == 1 ? codes[0] : MqttException.REASON_CODE_CLIENT_EXCEPTION,
                    new IllegalStateException("subscription to " + filter + " refused: " + Arrays.toString(codes)));
        }
    }

    private static MqttConnectionOptions connectionOptions(HubClientSettings settings) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        // Nagle off: each QoS 1 ack is a small write that would otherwise wait up to 40 ms for a delayed TCP ack.
        if (settings.brokerUrl().startsWith("tcp://")) options.setSocketFactory(co.rtm.profiles.wire.NoDelaySockets.INSTANCE);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password());
        }
        return options;
    }

    private static boolean isDownstream(String topic) {
        int lastSlash = topic.lastIndexOf('/');
        return DOWNSTREAM_KINDS.contains(topic.substring(lastSlash + 1));
    }

    /** Paho calls this on its single callback thread. */
    private final class Callback implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (bouncing.get()) {
                return; // left unacknowledged: the broker sends it again after the bounce
            }
            Pending p;
            synchronized (pending) {
                p = new Pending(generation, message.getId(), message.getQos());
                pending.add(p);
            }
            if (isDownstream(topic)) {
                p.finish(null);
            } else {
                MqttProperties properties = message.getProperties();
                InboundMessage inbound = new InboundMessage(
                        topic,
                        message.getPayload(),
                        Optional.ofNullable(properties.getResponseTopic()),
                        Optional.ofNullable(properties.getCorrelationData()),
                        message.isDuplicate());
                java.util.concurrent.CompletionStage<?> stage;
                try {
                    stage = handler.handle(inbound);
                } catch (RuntimeException e) {
                    stage = CompletableFuture.failedFuture(e);
                }
                stage.whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.warn("handler failed on {} (packet {}); reconnecting so the broker redelivers it",
                                topic, message.getId(), failure);
                    }
                    p.finish(failure);
                    ackInOrder();
                });
                return;
            }
            ackInOrder();
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (!reconnect) {
                return;
            }
            LOG.info("hub client '{}' reconnected to {}", client.getClientId(), serverURI);
            try {
                subscribe(new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        try {
                            requireGranted(token, topicFilter);
                        } catch (MqttException e) {
                            LOG.error("hub client '{}': {}", client.getClientId(), e.getCause().getMessage());
                        }
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable failure) {
                        LOG.error("hub client '{}' could not subscribe again to {}", client.getClientId(), topicFilter,
                                failure);
                    }
                });
            } catch (MqttException e) {
                LOG.error("hub client '{}' could not subscribe again to {}", client.getClientId(), topicFilter, e);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("hub client '{}' disconnected: {}", client.getClientId(), response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("hub client '{}' MQTT error", client.getClientId(), exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // reply() completes its future through its own listener
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
