package co.rtm.hub.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit detail of a result and of a refusal. The ledger writes them and the verifier rebuilds
 * them from the stored rows and compares the JSON text, so a row edited after the fact no longer
 * matches the chain that vouches for it.
 */
final class AuditDetails {
    private AuditDetails() {
    }

    static Map<String, Object> result(long resultId, String centerId, String stationId, int keyVersion, long seq,
                                      String type, String subject, String verdict, Long furNumber,
                                      String certificateKind, Long certificateNumber, byte[] envelope) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("resultId", resultId);
        d.put("centerId", centerId);
        d.put("stationId", stationId);
        d.put("keyVersion", keyVersion);
        d.put("seq", seq);
        d.put("type", type);
        d.put("subject", subject);
        d.put("verdict", verdict);
        d.put("furNumber", furNumber);
        d.put("certificateKind", certificateKind);
        d.put("certificateNumber", certificateNumber);
        d.put("envelopeSha256", Sha256.hex(envelope));
        return d;
    }

    static Map<String, Object> refusal(long refusalId, String messageId, String centerId, String stationId, String topic,
                                       String reasonCode, byte[] raw) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("refusalId", refusalId);
        d.put("messageId", messageId);
        d.put("centerId", centerId);
        d.put("stationId", stationId);
        d.put("topic", topic);
        d.put("reasonCode", reasonCode);
        d.put("rawSha256", raw == null ? null : Sha256.hex(raw));
        return d;
    }
}
