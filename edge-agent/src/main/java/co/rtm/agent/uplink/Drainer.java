package co.rtm.agent.uplink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.rtm.agent.outbox.MessageState;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxMessage;

/**
 * Moves messages from the outbox to the broker, one thread. While connected: requeue SENT messages
 * the hub has not answered within the ack timeout, then publish PENDING ones, oldest seq first,
 * keeping at most {@code window} messages unanswered (awaiting PUBACK, or SENT awaiting the hub's
 * ack). While disconnected: wait, backing off exponentially. A PUBACK marks the row SENT; only the
 * hub's ack (handled elsewhere) finishes it.
 */
final class Drainer implements Runnable {

    /** What the drainer needs from the connection. */
    interface Link {
        boolean isConnected();

        /** Publishes at QoS 1; completes normally on a successful PUBACK, exceptionally otherwise. */
        CompletionStage<Void> publish(OutboxMessage message) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Drainer.class);
    private static final long MIN_BACKOFF_MS = 100;

    private final Outbox outbox;
    private final Link link;
    private final int window;
    private final Duration ackTimeout;
    private final long pollMs;
    private final long maxBackoffMs;
    private final Semaphore wake = new Semaphore(0);
    /** Published, PUBACK not yet seen: messageId -> publish time (ms). */
    private final Map<UUID, Long> awaitingPuback = new ConcurrentHashMap<>();
    /**
     * Publishes the client will take before PUBACKs come back. The broker announces it as MQTT 5
     * Receive Maximum (Mosquitto: 20) and Paho refuses beyond it (32202) instead of queueing, so it
     * is learned from the first refusal.
     */
    private volatile int clientLimit = Integer.MAX_VALUE;
    private volatile boolean running = true;

    Drainer(Outbox outbox, Link link, int window, Duration ackTimeout, Duration pollInterval, Duration maxBackoff) {
        this.outbox = outbox;
        this.link = link;
        this.window = window;
        this.ackTimeout = ackTimeout;
        this.pollMs = pollInterval.toMillis();
        this.maxBackoffMs = Math.max(MIN_BACKOFF_MS, maxBackoff.toMillis());
    }

    /** Look at the outbox now (after an append, a PUBACK, a reconnect). */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    void stop() {
        running = false;
        wake();
    }

    @Override
    public void run() {
        long backoff = MIN_BACKOFF_MS;
        long lastRequeue = 0;
        while (running) {
            try {
                if (!link.isConnected()) {
                    pause(backoff);
                    backoff = Math.min(backoff * 2, maxBackoffMs);
                    continue;
                }
                backoff = MIN_BACKOFF_MS;
                long now = System.currentTimeMillis();
                if (now - lastRequeue >= Math.min(1000, ackTimeout.toMillis())) {
                    lastRequeue = now;
                    int requeued = outbox.requeueUnacked(ackTimeout);
                    if (requeued > 0) {
                        LOG.info("{} message(s) had no hub ack within {}; publishing them again", requeued, ackTimeout);
                    }
                    // A PUBACK that never came (lost with the connection) must not hold the window forever.
                    awaitingPuback.values().removeIf(t -> now - t > ackTimeout.toMillis());
                }
                if (!publishBatch()) {
                    pause(Math.min(backoff * 4, maxBackoffMs));
                    continue;
                }
                pause(pollMs);
            } catch (RuntimeException e) {
                LOG.warn("drainer round failed; retrying", e);
                pause(backoff);
                backoff = Math.min(backoff * 2, maxBackoffMs);
            }
        }
    }

    /** @return false when the link refused a publish (the caller backs off) */
    private boolean publishBatch() {
        long unanswered = outbox.count(MessageState.SENT) + awaitingPuback.size();
        int free = (int) Math.max(0, Math.min(window - unanswered, (long) clientLimit - awaitingPuback.size()));
        if (free == 0) {
            return true;
        }
        List<OutboxMessage> candidates = outbox.nextToSend(free + awaitingPuback.size());
        int published = 0;
        for (OutboxMessage m : candidates) {
            if (published == free || !running) {
                break;
            }
            if (awaitingPuback.putIfAbsent(m.messageId(), System.currentTimeMillis()) != null) {
                continue; // already on the wire
            }
            try {
                link.publish(m).whenComplete((ok, error) -> {
                    try {
                        if (error == null) {
                            outbox.markSent(m.messageId()); // before forgetting it, or it could be picked again
                        } else {
                            LOG.debug("publish of seq {} not PUBACKed: {}", m.seq(), error.toString());
                        }
                    } finally {
                        awaitingPuback.remove(m.messageId());
                        wake();
                    }
                });
                published++;
            } catch (Exception e) {
                awaitingPuback.remove(m.messageId());
                if (!(e instanceof MqttException me && me.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT)) {
                    LOG.debug("publish of seq {} refused by the client: {}", m.seq(), e.toString());
                    return false;
                }
                // Our count is never below the client's (we add before publishing and remove after the
                // completion callback), so the learned limit converges from above and never starves us.
                int limit = Math.max(1, awaitingPuback.size());
                if (limit < clientLimit) {
                    LOG.debug("the client takes at most {} unacknowledged publishes", limit);
                    clientLimit = limit;
                }
                return true; // a PUBACK will wake us
            }
        }
        return true;
    }

    private void pause(long millis) {
        try {
            if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
