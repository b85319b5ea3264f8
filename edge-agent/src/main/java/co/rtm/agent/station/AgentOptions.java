package co.rtm.agent.station;

import java.time.Duration;
import java.util.Objects;

import co.rtm.agent.outbox.OutboxConfig;

/**
 * Tuning of a {@link StationAgent}; {@link #defaults()} is what {@code run} uses.
 *
 * @param outbox     the outbox limits (capacity, reserve, free disk, tombstone retention)
 * @param ackTimeout a result sent but not answered by the hub within this is published again
 * @param maxBackoff the longest wait between MQTT connection attempts
 */
public record AgentOptions(OutboxConfig outbox, Duration ackTimeout, Duration maxBackoff) {

    public AgentOptions {
        Objects.requireNonNull(outbox, "outbox");
        if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()
                || maxBackoff == null || maxBackoff.isNegative() || maxBackoff.isZero()) {
            throw new IllegalArgumentException("ackTimeout and maxBackoff must be positive");
        }
    }

    /** Outbox defaults, ack timeout 60 s, backoff up to 30 s. */
    public static AgentOptions defaults() {
        return new AgentOptions(OutboxConfig.defaults(), Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    public AgentOptions withOutbox(OutboxConfig config) {
        return new AgentOptions(config, ackTimeout, maxBackoff);
    }

    public AgentOptions withAckTimeout(Duration timeout) {
        return new AgentOptions(outbox, timeout, maxBackoff);
    }

    public AgentOptions withMaxBackoff(Duration backoff) {
        return new AgentOptions(outbox, ackTimeout, backoff);
    }
}
