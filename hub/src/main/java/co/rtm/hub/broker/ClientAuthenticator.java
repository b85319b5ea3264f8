package co.rtm.hub.broker;

import java.util.Optional;

/**
 * Checks the MQTT username/password of a connecting client. A station's username is its station
 * id; a hub instance's username is its instance id. The registry-backed implementation lives
 * elsewhere; the broker only needs this.
 *
 * <p>Called on a broker worker thread for every CONNECT, so it may block briefly (a database
 * look-up) but must be thread-safe. Returning empty refuses the client; a revoked station must be
 * refused from the moment it is revoked.
 */
@FunctionalInterface
public interface ClientAuthenticator {

    /**
     * @param username the CONNECT username, never null
     * @param password the CONNECT password, never null (empty when the client sent none); the
     *                 broker wipes the array after the call
     */
    Optional<Principal> authenticate(String username, byte[] password);

    /**
     * A station that connected over TLS with a client certificate the broker already verified (signed by
     * the hub's broker CA, CN = {@code stationId} = the client id). Answers whether that station may
     * connect now, i.e. is registered and active. Same threading rules as {@link #authenticate}.
     * Without an override no certificate authenticates anyone.
     */
    default Optional<Principal> authenticateStation(String stationId) {
        return Optional.empty();
    }
}
