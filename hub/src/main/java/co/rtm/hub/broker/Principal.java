package co.rtm.hub.broker;

/**
 * Who an authenticated MQTT client is. The broker derives the client's topic permissions from it
 * (its ACL), so identifiers must be plain topic levels: no {@code /}, {@code +},
 * {@code #}, no leading {@code $}, not empty.
 */
public sealed interface Principal {

    /** An edge agent (lane, exam station, mobile line) of one inspection center. */
    record Station(String centerId, String stationId) implements Principal {
        public Station {
            TopicLevel.require(centerId, "centerId");
            TopicLevel.require(stationId, "stationId");
        }
    }

    /** One instance of the hub; several may share the {@code $share/hub/...} subscription. */
    record Hub(String instanceId) implements Principal {
        public Hub {
            TopicLevel.require(instanceId, "instanceId");
        }
    }
}
