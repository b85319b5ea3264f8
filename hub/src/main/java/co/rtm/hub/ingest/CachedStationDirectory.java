package co.rtm.hub.ingest;

import co.rtm.hub.registry.Registry;
import co.rtm.hub.registry.Station;
import co.rtm.profiles.wire.Ed25519Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's stations and keys, held in memory so that verifying a message costs no database
 * read and no point decompression. Entries are dropped when this process changes the station
 * (the registry tells us) and expire after {@code ttl}, which bounds how long a revocation made by
 * another process goes unnoticed. Absence is not cached: a station provisioned a moment ago is
 * found at once.
 */
public final class CachedStationDirectory implements StationDirectory {
    private record Timed<T>(T value, Instant loadedAt) {
    }

    private record KeyRef(String stationId, int keyVersion) {
    }

    private final Registry registry;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Timed<Station>> stations = new ConcurrentHashMap<>();
    private final Map<KeyRef, Timed<KnownKey>> keys = new ConcurrentHashMap<>();

    public CachedStationDirectory(Registry registry, Clock clock, Duration ttl) {
        this.registry = registry;
        this.clock = clock;
        this.ttl = ttl;
        registry.onStationChange(this::invalidate);
    }

    @Override
    public Optional<Station> station(String stationId) {
        Timed<Station> cached = stations.get(stationId);
        if (fresh(cached)) {
            return Optional.of(cached.value());
        }
        Optional<Station> loaded = registry.findStation(stationId);
        loaded.ifPresentOrElse(s -> stations.put(stationId, new Timed<>(s, clock.instant())),
                () -> stations.remove(stationId));
        return loaded;
    }

    @Override
    public Optional<KnownKey> key(String stationId, int keyVersion) {
        KeyRef ref = new KeyRef(stationId, keyVersion);
        Timed<KnownKey> cached = keys.get(ref);
        if (fresh(cached)) {
            return Optional.of(cached.value());
        }
        Optional<KnownKey> loaded = registry.findKey(stationId, keyVersion)
                .map(k -> new KnownKey(k, Ed25519Keys.verificationKey(k.kid(), k.publicKey())));
        loaded.ifPresentOrElse(k -> keys.put(ref, new Timed<>(k, clock.instant())), () -> keys.remove(ref));
        return loaded;
    }

    /** Forgets the station and all its keys. */
    public void invalidate(String stationId) {
        stations.remove(stationId);
        keys.keySet().removeIf(k -> k.stationId().equals(stationId));
    }

    private boolean fresh(Timed<?> entry) {
        return entry != null && !clock.instant().isAfter(entry.loadedAt().plus(ttl));
    }
}
