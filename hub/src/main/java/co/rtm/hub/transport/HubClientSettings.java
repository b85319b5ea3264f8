package co.rtm.hub.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How a hub instance connects to the broker.
 *
 * @param brokerUrl     e.g. {@code tcp://127.0.0.1:1883}
 * @param clientId      stable across restarts, so the persistent session is found again; the
 *                      embedded broker requires it to equal the username
 * @param username      null for an anonymous broker
 * @param password      null for none
 * @param sessionExpiry how long the broker keeps the session and queues messages while this
 *                      instance is away
 * @param shared        subscribe in the {@code hub} share group (several instances) instead of a
 *                      plain subscription (a single instance)
 */
public record HubClientSettings(
        String brokerUrl,
        String clientId,
        String username,
        byte[] password,
        Duration sessionExpiry,
        boolean shared) {

    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(7);

    public HubClientSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 0xFFFF_FFFFL - 1) {
            throw new IllegalArgumentException("session expiry out of MQTT range: " + sessionExpiry);
        }
        password = password == null ? null : password.clone();
    }

    /** Hub credentials on a shared subscription, client id = username = instance id. */
    public static HubClientSettings of(String brokerUrl, String instanceId, byte[] password) {
        return new HubClientSettings(brokerUrl, instanceId, instanceId, password, DEFAULT_SESSION_EXPIRY, true);
    }

    public HubClientSettings withShared(boolean newShared) {
        return new HubClientSettings(brokerUrl, clientId, username, password, sessionExpiry, newShared);
    }

    public HubClientSettings withSessionExpiry(Duration newExpiry) {
        return new HubClientSettings(brokerUrl, clientId, username, password, newExpiry, shared);
    }

    @Override
    public byte[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public String toString() {
        return "HubClientSettings[brokerUrl=" + brokerUrl + ", clientId=" + clientId + ", username=" + username
                + ", sessionExpiry=" + sessionExpiry + ", shared=" + shared + "]";
    }
}
