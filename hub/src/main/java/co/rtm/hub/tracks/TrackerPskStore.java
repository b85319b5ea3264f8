package co.rtm.hub.tracks;

import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;

import java.net.InetSocketAddress;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * Scandium's PSK lookup, answered from {@link TrackerPsks} at each handshake, so a key created or replaced while
 * the hub runs is used at once. An identity without a key gets no secret and the handshake fails.
 */
final class TrackerPskStore implements AdvancedPskStore {

    private final TrackerPsks psks;

    TrackerPskStore(TrackerPsks psks) {
        this.psks = psks;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return true;
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName, PskPublicInformation identity,
                                                  String hmacAlgorithm, SecretKey otherSecret, byte[] seed,
                                                  boolean useExtendedMasterSecret) {
        SecretKey secret = psks.find(identity.getPublicInfoAsString()).map(k -> {
            SecretKey s = SecretUtil.create(k, PskSecretResult.ALGORITHM_PSK);
            Arrays.fill(k, (byte) 0);
            return s;
        }).orElse(null);
        return new PskSecretResult(cid, identity, secret);
    }

    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        return null; // server only
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        // answers synchronously
    }
}
