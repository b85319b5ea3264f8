package co.rtm.agent.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * What a verified hub ack says about one message (DESIGN §3, "Ack"). Built by the uplink's ack
 * verifier only after the hub's signature has been checked; the outbox trusts it.
 *
 * @param messageId         the message being acknowledged
 * @param status            the hub's decision
 * @param reason            the hub's reason code, expected for {@link Status#REJECTED}, else usually null
 * @param furNumber         the FUR number the hub assigned, or null
 * @param certificateNumber the certificate number the hub assigned, or null
 */
public record AckInfo(UUID messageId, Status status, String reason, String furNumber, String certificateNumber) {

    /** The hub's decision on a message. */
    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    public AckInfo {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
    }
}
