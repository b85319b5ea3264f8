package co.rtm.hub.ingest;

import co.rtm.hub.registry.Station;
import co.rtm.hub.registry.StationKey;
import co.rtm.profiles.wire.VerificationKey;
import java.util.Optional;

/** What ingestion needs to know about stations: the station and its keys, ready to verify with. */
public interface StationDirectory {

    /** A key as registered, with its decoded verification key. */
    record KnownKey(StationKey registered, VerificationKey key) {
    }

    Optional<Station> station(String stationId);

    /** The key of this version whatever its status (callers check {@link StationKey#usableAt}). */
    Optional<KnownKey> key(String stationId, int keyVersion);
}
