package co.rtm.hub;

import co.rtm.hub.broker.ClientAuthenticator;
import co.rtm.hub.broker.Principal;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.registry.Station;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may connect to the embedded broker: this hub (its instance id and the credential {@code hub
 * init} stored) and every active registered station by its MQTT credentials. The registry is read on
 * every CONNECT, so a deactivated station is refused from that moment.
 */
final class HubAuthenticator implements ClientAuthenticator {
    private final Registry registry;
    private final String hubUsername;
    private final byte[] hubPassword;

    HubAuthenticator(Registry registry, String hubUsername, byte[] hubPassword) {
        this.registry = registry;
        this.hubUsername = hubUsername;
        this.hubPassword = hubPassword.clone();
    }

    @Override
    public Optional<Principal> authenticate(String username, byte[] password) {
        if (username.equals(hubUsername) && MessageDigest.isEqual(password, hubPassword)) {
            return Optional.of(new Principal.Hub(hubUsername));
        }
        return registry.checkMqttCredentials(username, new String(password, StandardCharsets.UTF_8))
                .map(s -> new Principal.Station(s.centerId(), s.id()));
    }

    /** A station whose client certificate the broker verified: admitted while it is registered and active. */
    @Override
    public Optional<Principal> authenticateStation(String stationId) {
        return registry.findStation(stationId)
                .filter(Station::active)
                .map(s -> new Principal.Station(s.centerId(), s.id()));
    }
}
