package co.rtm.hub.registry;

import co.rtm.hub.ledger.SignatureCheck;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EnvelopeException;
import co.rtm.profiles.wire.VerificationKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Re-verifies stored envelopes against the registry's keys, whatever their status today: a key
 * revoked later still proves what it signed while it was valid. Keys are decoded once per run.
 * Not thread-safe (one verifier run at a time).
 */
public final class StoredSignatures implements SignatureCheck {
    private final Registry registry;
    private final Map<String, Optional<VerificationKey>> keys = new HashMap<>();

    public StoredSignatures(Registry registry) {
        this.registry = registry;
    }

    @Override
    public boolean verify(String stationId, int keyVersion, byte[] envelope) {
        Optional<VerificationKey> key = keys.computeIfAbsent(stationId + "#" + keyVersion, kid -> registry
                .findKey(stationId, keyVersion)
                .map(k -> Ed25519Keys.verificationKey(k.kid(), k.publicKey())));
        if (key.isEmpty()) {
            return false;
        }
        try {
            return Envelope.parse(envelope).verify(key.get());
        } catch (EnvelopeException e) {
            return false;
        }
    }
}
