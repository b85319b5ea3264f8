package co.rtm.agent.station;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.rtm.agent.outbox.AckInfo;
import co.rtm.agent.uplink.AckVerifier;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.EnvelopeException;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.VerificationKey;

/**
 * Accepts an ack only when it is the hub's: a JWS envelope (DESIGN §3) whose {@code typ} is {@code ack}, whose
 * {@code kid} is the hub key id from the station's bundle, whose signature verifies under that key, and whose
 * payload is a valid {@link Ack}. Anything else is logged and answered empty, so it changes nothing in the
 * outbox. Thread-safe; never throws.
 */
public final class EnvelopeAckVerifier implements AckVerifier {

    /** The {@code typ} of the hub's acks. */
    public static final String ACK_TYPE = "ack";

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeAckVerifier.class);

    private final VerificationKey hubKey;

    /** @param hubKey the hub's public key from the bundle, named by its key id ({@code StationBundle.hubKey()}) */
    public EnvelopeAckVerifier(VerificationKey hubKey) {
        this.hubKey = Objects.requireNonNull(hubKey, "hubKey");
    }

    @Override
    public Optional<AckInfo> verify(byte[] payload) {
        try {
            Envelope envelope = Envelope.parse(payload);
            String typ = envelope.header().typ();
            if (!ACK_TYPE.equals(typ)) {
                return refuse("typ is " + typ + ", not " + ACK_TYPE);
            }
            String kid = envelope.header().kid();
            if (!hubKey.kid().equals(kid)) {
                return refuse("signed with key " + kid + ", expected the hub key " + hubKey.kid());
            }
            if (!envelope.verify(hubKey)) {
                return refuse("signature does not verify under " + hubKey.kid());
            }
            return Optional.of(toInfo(Json.read(envelope.payload(), Ack.class)));
        } catch (EnvelopeException e) {
            return refuse("not a signed envelope: " + e.getMessage());
        } catch (IOException e) {
            return refuse("signed payload is not an ack: " + e.getMessage());
        } catch (RuntimeException e) {
            return refuse("cannot read: " + e);
        }
    }

    private static AckInfo toInfo(Ack ack) {
        return new AckInfo(ack.messageId(), AckInfo.Status.valueOf(ack.status().name()),
                ack.reason() == null ? null : ack.reason().name(),
                ack.furNumber() == null ? null : ack.furNumber().toString(),
                ack.certificateNumber() == null ? null : ack.certificateNumber().toString());
    }

    private static Optional<AckInfo> refuse(String why) {
        LOG.warn("refused an ack: {}", why);
        return Optional.empty();
    }
}
