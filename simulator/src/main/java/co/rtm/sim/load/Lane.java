package co.rtm.sim.load;

import co.rtm.profiles.wire.NoDelaySockets;

import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EnvelopeException;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.StationBundle;
import co.rtm.profiles.wire.Topic;
import co.rtm.profiles.wire.TopicKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * One station's MQTT connection (client id = username = station id), subscribed to its own ack topic. It sends one
 * {@link Batch} at a time: QoS 1 publishes with the own ack topic as response topic and the message's id as
 * correlation data, at most {@code window} unanswered at once, and times each from the publish call to its reply.
 */
final class Lane implements AutoCloseable {
    private static final int QOS = 1;
    /** Paho's "Too many publishes in progress": its in-flight count reached the broker's Receive Maximum. */
    static final int TOO_MANY_PUBLISHES = 32202;
    private static final long TIMEOUT_MS = 15_000;
    private static final long RESEND_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long RESEND_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    final StationBundle bundle;
    private final MqttAsyncClient client;
    private final String ackTopic;
    /** Decoded and validated once: validating the point costs as much as the signature check itself. */
    private final co.rtm.profiles.wire.VerificationKey hubKey;
    private volatile Batch batch;

    private Lane(StationBundle bundle, MqttAsyncClient client) {
        this.bundle = bundle;
        this.client = client;
        this.ackTopic = topic(TopicKind.ACK);
        this.hubKey = bundle.hubKey();
    }

    static Lane connect(StationBundle bundle, String url) throws MqttException {
        String user = bundle.mqtt().username();
        MqttAsyncClient client = new MqttAsyncClient(url, user, new MemoryPersistence());
        Lane lane = new Lane(bundle, client);
        client.setCallback(lane.new Replies());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(bundle.mqtt().password().getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setSocketFactory(NoDelaySockets.INSTANCE);
        options.setKeepAliveInterval(30);
        options.setAutomaticReconnect(false);
        client.connect(options).waitForCompletion(TIMEOUT_MS);
        IMqttToken sub = client.subscribe(new MqttSubscription[] {new MqttSubscription(lane.ackTopic, QOS)}, null, null,
                new MqttProperties());
        sub.waitForCompletion(TIMEOUT_MS);
        int[] codes = sub.getReasonCodes();
        if (codes == null || codes.length != 1 || codes[0] >= 0x80) {
            throw new MqttException(codes != null && codes.length == 1 ? codes[0] : 0x87);
        }
        return lane;
    }

    String topic(TopicKind kind) {
        return new Topic(bundle.centerId(), bundle.stationId(), kind).name();
    }

    /**
     * Publishes every message of {@code b} on {@code topic}, keeping at most {@code window} without a reply, one every
     * {@code intervalNanos} at most (0: as fast as the window allows). Returns when all were sent and answered, or at
     * {@code deadlineNanos}.
     */
    void run(Batch b, String topic, int window, long intervalNanos, long deadlineNanos) throws MqttException {
        Semaphore free = new Semaphore(window);
        b.window = free;
        batch = b;
        long start = System.nanoTime();
        for (int i = 0; i < b.size(); i++) {
            long due = 0;
            if (intervalNanos > 0) {
                due = start + i * intervalNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            if (!acquire(b, free, 1, deadlineNanos, topic)) {
                return;
            }
            publish(b, i, topic, due);
        }
        acquire(b, free, window, deadlineNanos, topic);
    }

    /**
     * Waits for {@code permits} free places in the window. Meanwhile, like an agent, sends again every message that
     * has had no reply for {@link #RESEND_AFTER_NANOS}: the hub answers a repeated message id with the same ack
     * (DUPLICATE), so a lost ack costs time, not a result.
     */
    private boolean acquire(Batch b, Semaphore free, int permits, long deadlineNanos, String topic) throws MqttException {
        try {
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (System.nanoTime() - b.lastResendCheck > RESEND_CHECK_NANOS) {
                    resendStale(b, topic); // also while the window still moves: a lost ack must not hold a place long
                }
                if (free.tryAcquire(permits, Math.min(left, RESEND_CHECK_NANOS), TimeUnit.NANOSECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void resendStale(Batch b, String topic) throws MqttException {
        long now = System.nanoTime();
        b.lastResendCheck = now;
        int sent = (int) b.sent.get();
        while (b.oldestOpen < sent && b.latency.get(b.oldestOpen) >= 0) {
            b.oldestOpen++;
        }
        for (int j = b.oldestOpen; j < sent; j++) {
            if (b.latency.get(j) < 0 && now - b.lastSent.get(j) > RESEND_AFTER_NANOS) {
                send(b, j, topic);
                b.resent.incrementAndGet();
            }
        }
    }

    /**
     * With a schedule ({@code due != 0}) the clock starts at the due time, not at the (possibly later) publish call:
     * a full window then shows as latency instead of silently slowing the sender (coordinated omission).
     */
    private void publish(Batch b, int i, String topic, long due) throws MqttException {
        b.sentAt.set(i, due != 0 ? due : System.nanoTime());
        send(b, i, topic);
        b.sent.incrementAndGet();
    }

    private void send(Batch b, int i, String topic) throws MqttException {
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(ackTopic);
        properties.setCorrelationData(b.ids[i].getBytes(StandardCharsets.US_ASCII));
        MqttMessage message = new MqttMessage(b.payloads[i], QOS, false, properties);
        while (true) {
            b.lastSent.set(i, System.nanoTime());
            try {
                client.publish(topic, message);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != TOO_MANY_PUBLISHES) {
                    throw e;
                }
                b.inflightRetries.incrementAndGet(); // Paho's in-flight limit (broker Receive Maximum): wait for a PUBACK
                LockSupport.parkNanos(100_000);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException e) {
            // closing at the end of a run: nothing left to save
        }
    }

    /**
     * Verifies every reply {@code batch} kept: the hub's signature, typ {@code ack}, the messageId, the status. Run
     * after the timed run: the lanes a load stands for verify their acks on their own hardware, not on the hub's two
     * cores, and an Ed25519 verification per ack cost the load generator as much CPU as the hub's own verification.
     */
    void verifyAcks(Batch batch) {
        for (int i = 0; i < batch.size(); i++) {
            byte[] ack = batch.acks[i];
            if (ack != null) {
                batch.count(check(batch.ids[i], ack));
            }
        }
    }

    private Outcome check(String messageId, byte[] payload) {
        try {
            Envelope envelope = Envelope.parse(payload);
            if (!envelope.verify(hubKey) || !"ack".equals(envelope.header().typ())) {
                return Outcome.BAD_ACK;
            }
            Ack ack = Json.read(envelope.payload(), Ack.class);
            if (!ack.messageId().toString().equals(messageId)) {
                return Outcome.BAD_ACK;
            }
            return switch (ack.status()) {
                case ACCEPTED -> Outcome.ACCEPTED;
                case DUPLICATE -> Outcome.DUPLICATE;
                case REJECTED -> Outcome.REJECTED;
            };
        } catch (EnvelopeException | IOException | RuntimeException e) {
            return Outcome.BAD_ACK;
        }
    }

    /** Paho calls this on the client's callback thread. */
    private final class Replies implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Batch b = batch;
            byte[] correlation = message.getProperties() == null ? null : message.getProperties().getCorrelationData();
            Integer i = b == null || correlation == null ? null : b.index.get(new String(correlation, StandardCharsets.US_ASCII));
            if (i == null) {
                if (b != null) {
                    b.stray.incrementAndGet();
                }
                return;
            }
            long now = System.nanoTime();
            if (!b.latency.compareAndSet(i, -1, now - b.sentAt.get(i))) {
                b.stray.incrementAndGet(); // a second reply to the same message
                return;
            }
            if (b.verifyAcks) {
                b.acks[i] = message.getPayload(); // verified after the timed run: see verifyAcks
            }
            b.answered.incrementAndGet();
            b.window.release();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            System.err.println("load: " + bundle.stationId() + " disconnected: " + response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            System.err.println("load: " + bundle.stationId() + ": " + exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    enum Outcome { ACCEPTED, DUPLICATE, REJECTED, BAD_ACK }

    /** The messages one lane sends in one run, and what came back. */
    static final class Batch {
        final String[] ids;
        final byte[][] payloads;
        final Map<String, Integer> index;
        final boolean verifyAcks;
        /** The reply to each message when {@link #verifyAcks}; written by the reply thread before {@link #answered}. */
        final byte[][] acks;
        final AtomicLongArray sentAt;
        final AtomicLongArray lastSent;
        final AtomicLong resent = new AtomicLong();
        /** Sender thread only: every message before it was answered. */
        int oldestOpen;
        /** Sender thread only. */
        long lastResendCheck = System.nanoTime();
        /** Nanoseconds from publish call to reply; -1 while unanswered. */
        final AtomicLongArray latency;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong stray = new AtomicLong();
        final AtomicLong inflightRetries = new AtomicLong();
        final AtomicLong[] outcomes = new AtomicLong[Outcome.values().length];
        volatile Semaphore window;

        Batch(String[] ids, byte[][] payloads, boolean verifyAcks) {
            this.ids = ids;
            this.payloads = payloads;
            this.verifyAcks = verifyAcks;
            this.acks = verifyAcks ? new byte[ids.length][] : null;
            this.index = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                index.put(ids[i], i);
            }
            this.sentAt = new AtomicLongArray(ids.length);
            this.lastSent = new AtomicLongArray(ids.length);
            this.latency = new AtomicLongArray(ids.length);
            for (int i = 0; i < ids.length; i++) {
                latency.set(i, -1);
            }
            for (int o = 0; o < outcomes.length; o++) {
                outcomes[o] = new AtomicLong();
            }
        }

        int size() {
            return ids.length;
        }

        void count(Outcome outcome) {
            outcomes[outcome.ordinal()].incrementAndGet();
        }

        long get(Outcome outcome) {
            return outcomes[outcome.ordinal()].get();
        }
    }
}
