package co.rtm.agent.station;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.rtm.agent.outbox.AckInfo;
import co.rtm.agent.outbox.MessageState;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.uplink.AckVerifier;
import co.rtm.profiles.wire.InspectionMessage;

/**
 * Counts the hub's first final answer to each stored inspection. It sees a verified ack just before the uplink
 * applies it to the outbox (both on the one MQTT callback thread), so a row still PENDING or SENT means this
 * answer is the one that will finish it; repeated acks find the row already final (or gone) and are not
 * counted twice.
 */
final class CountingAckVerifier implements AckVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(CountingAckVerifier.class);

    private final AckVerifier verifier;
    private final Outbox outbox;
    private final Counters counters;

    CountingAckVerifier(AckVerifier verifier, Outbox outbox, Counters counters) {
        this.verifier = verifier;
        this.outbox = outbox;
        this.counters = counters;
    }

    @Override
    public Optional<AckInfo> verify(byte[] payload) {
        Optional<AckInfo> ack = verifier.verify(payload);
        ack.ifPresent(this::count);
        return ack;
    }

    private void count(AckInfo ack) {
        try {
            outbox.find(ack.messageId())
                    .filter(m -> InspectionMessage.TYPE.equals(m.type()))
                    .filter(m -> m.state() == MessageState.PENDING || m.state() == MessageState.SENT)
                    .ifPresent(m -> {
                        counters.hubAnswered(ack.status());
                        if (ack.status() == AckInfo.Status.REJECTED) {
                            LOG.warn("hub REJECTED inspection seq {} ({}); it stays in the outbox", m.seq(), ack.reason());
                        } else {
                            LOG.info("hub {} inspection seq {} (FUR {}, certificate {})", ack.status(), m.seq(),
                                    ack.furNumber(), ack.certificateNumber());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.debug("cannot count ack for {}: {}", ack.messageId(), e.toString());
        }
    }
}
