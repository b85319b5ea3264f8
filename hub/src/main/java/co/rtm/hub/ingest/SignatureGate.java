package co.rtm.hub.ingest;

import co.rtm.hub.registry.KeyStatus;
import co.rtm.hub.registry.Station;
import co.rtm.hub.registry.StationKey;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.KeyId;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.Topic;
import java.time.Instant;

/**
 * The checks every signed station message passes before its payload is even read (DESIGN §3): the
 * key id names the topic's station, the envelope type is the topic kind, the station is registered
 * in the topic's centre and active, the key is usable now, and the signature verifies. The
 * envelope is parsed once by the caller and verified once here.
 */
final class SignatureGate {
    private SignatureGate() {
    }

    static SignedMessage check(Topic topic, Envelope envelope, StationDirectory directory, Instant now)
            throws RefusedException {
        KeyId kid = envelope.header().keyId();
        if (!kid.ownerId().equals(topic.stationId())) {
            throw new RefusedException(RejectReason.TOPIC_MISMATCH,
                    "key id " + kid + " does not belong to station " + topic.stationId() + " of the topic");
        }
        if (!envelope.header().typ().equals(topic.kind().wire())) {
            throw new RefusedException(RejectReason.TOPIC_MISMATCH,
                    "envelope type " + envelope.header().typ() + " sent on a " + topic.kind().wire() + " topic");
        }
        Station station = directory.station(topic.stationId()).orElseThrow(() -> new RefusedException(
                RejectReason.UNKNOWN_STATION, "station " + topic.stationId() + " is not registered"));
        if (!station.centerId().equals(topic.centerId())) {
            throw new RefusedException(RejectReason.TOPIC_MISMATCH,
                    "station " + station.id() + " belongs to centre " + station.centerId() + ", not " + topic.centerId());
        }
        if (!station.active()) {
            throw new RefusedException(RejectReason.STATION_INACTIVE, "station " + station.id() + " is not active");
        }
        StationDirectory.KnownKey known = directory.key(station.id(), kid.version()).orElseThrow(() ->
                new RefusedException(RejectReason.UNKNOWN_KEY, "station " + station.id() + " has no key " + kid));
        StationKey key = known.registered();
        if (key.status() == KeyStatus.REVOKED) {
            throw new RefusedException(RejectReason.KEY_REVOKED, "key " + kid + " is revoked");
        }
        if (!key.usableAt(now)) {
            throw new RefusedException(RejectReason.KEY_EXPIRED,
                    "key " + kid + " was replaced and its grace period ended at " + key.notAfter());
        }
        if (!envelope.verify(known.key())) {
            throw new RefusedException(RejectReason.BAD_SIGNATURE, "signature does not verify with key " + kid);
        }
        return new SignedMessage(topic, station, kid.version(), envelope.payload());
    }
}
