package co.rtm.agent.uplink;

import java.util.Optional;

import co.rtm.agent.outbox.AckInfo;

/**
 * Checks the hub's signature on an ack payload (a signed envelope, DESIGN §3) and reads it.
 * Returns empty for anything that does not verify or does not parse; the uplink then ignores the
 * message, so a forged ack can never remove a result from the outbox. Called on the MQTT callback
 * thread; must not block for long and should not throw.
 */
@FunctionalInterface
public interface AckVerifier {
    Optional<AckInfo> verify(byte[] payload);
}
