package co.rtm.agent.uplink;

import java.time.Duration;
import java.util.Objects;

import co.rtm.profiles.wire.StationBundle;

/**
 * How the station reaches the hub's broker.
 *
 * @param serverUri      e.g. {@code ssl://hub.example:8883} or {@code tcp://127.0.0.1:1883}
 * @param topics         the station's ids; the station id is also the MQTT client id and user name
 * @param password       the station's MQTT password from its provisioning bundle
 * @param sessionExpiry  how long the broker keeps the station's session (subscriptions, queued acks) while it is offline
 * @param keepAlive      MQTT keep-alive
 * @param inFlightWindow most messages published but not yet answered by the hub (awaiting PUBACK or ack)
 * @param ackTimeout     a SENT message with no hub ack after this long is published again
 * @param pollInterval   how often the drainer looks at the outbox when nothing wakes it
 * @param maxBackoff     the longest the drainer and the initial connect wait between attempts
 * @param tls            the bundle's broker CA (and client certificate, if any), required for {@code ssl://}; may be null
 */
public record UplinkConfig(String serverUri, StationTopics topics, String password, Duration sessionExpiry,
                           Duration keepAlive, int inFlightWindow, Duration ackTimeout, Duration pollInterval,
                           Duration maxBackoff, StationBundle.Tls tls) {

    public UplinkConfig {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(password, "password");
        if (inFlightWindow <= 0) {
            throw new IllegalArgumentException("inFlightWindow must be positive");
        }
        for (Duration d : new Duration[] {sessionExpiry, keepAlive, ackTimeout, pollInterval, maxBackoff}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
    }

    /** Session kept 7 days, keep-alive 30 s, window 100, ack timeout 60 s, poll 500 ms, backoff up to 30 s. */
    public static UplinkConfig of(String serverUri, StationTopics topics, String password) {
        return new UplinkConfig(serverUri, topics, password, Duration.ofDays(7), Duration.ofSeconds(30), 100,
                Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(30), null);
    }

    /** With the bundle's TLS material (null for none). */
    public UplinkConfig withTls(StationBundle.Tls material) {
        return new UplinkConfig(serverUri, topics, password, sessionExpiry, keepAlive, inFlightWindow, ackTimeout,
                pollInterval, maxBackoff, material);
    }

    /** Whether the broker is reached over TLS. */
    public boolean usesTls() {
        return serverUri.startsWith("ssl://");
    }

    public UplinkConfig withAckTimeout(Duration timeout) {
        return new UplinkConfig(serverUri, topics, password, sessionExpiry, keepAlive, inFlightWindow, timeout,
                pollInterval, maxBackoff, tls);
    }

    public UplinkConfig withInFlightWindow(int window) {
        return new UplinkConfig(serverUri, topics, password, sessionExpiry, keepAlive, window, ackTimeout,
                pollInterval, maxBackoff, tls);
    }

    public UplinkConfig withMaxBackoff(Duration backoff) {
        return new UplinkConfig(serverUri, topics, password, sessionExpiry, keepAlive, inFlightWindow, ackTimeout,
                pollInterval, backoff, tls);
    }
}
