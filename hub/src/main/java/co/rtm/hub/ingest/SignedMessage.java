package co.rtm.hub.ingest;

import co.rtm.hub.registry.Station;
import co.rtm.profiles.wire.Topic;

/** A message whose envelope verified under a usable key of the registered, active station its topic names. */
record SignedMessage(Topic topic, Station station, int keyVersion, byte[] payload) {
}
