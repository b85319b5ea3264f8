package co.rtm.hub.broker;

/**
 * A client the broker let in: who it is, and the will it left (DESIGN §3: a station's will is {@code offline} on its
 * own status topic), or null topic and payload without one.
 */
record Admission(Principal principal, String willTopic, byte[] willPayload) {
}
