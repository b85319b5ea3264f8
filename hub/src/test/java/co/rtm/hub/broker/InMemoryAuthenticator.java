package co.rtm.hub.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ClientAuthenticator} for tests: plain passwords in a map, revocable at once. */
public final class InMemoryAuthenticator implements ClientAuthenticator {

    private record Entry(Principal principal, byte[] password) {
    }

    private final Map<String, Entry> byUsername = new ConcurrentHashMap<>();

    public InMemoryAuthenticator addStation(String centerId, String stationId, String password) {
        byUsername.put(stationId, new Entry(new Principal.Station(centerId, stationId), bytes(password)));
        return this;
    }

    public InMemoryAuthenticator addHub(String instanceId, String password) {
        byUsername.put(instanceId, new Entry(new Principal.Hub(instanceId), bytes(password)));
        return this;
    }

    public void revoke(String username) {
        byUsername.remove(username);
    }

    @Override
    public Optional<Principal> authenticate(String username, byte[] password) {
        Entry entry = byUsername.get(username);
        if (entry == null || !MessageDigest.isEqual(entry.password(), password)) {
            return Optional.empty();
        }
        return Optional.of(entry.principal());
    }

    @Override
    public Optional<Principal> authenticateStation(String stationId) {
        Entry entry = byUsername.get(stationId);
        return entry != null && entry.principal() instanceof Principal.Station ? Optional.of(entry.principal()) : Optional.empty();
    }

    private static byte[] bytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
