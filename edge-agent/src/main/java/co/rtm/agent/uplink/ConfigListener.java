package co.rtm.agent.uplink;

/**
 * Receives the raw payload of each message on the station's config topic (a signed, retained
 * envelope: profile, capacity, hours, schedule). Verifying and applying it is the listener's job.
 * Called on the MQTT callback thread; hand long work to another thread.
 */
@FunctionalInterface
public interface ConfigListener {
    void onConfig(byte[] payload);
}
