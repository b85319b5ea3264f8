package co.rtm.hub.ledger;

import co.rtm.hub.store.Timestamps;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The rules of the hash chain, without I/O.
 *
 * <p>{@code hash = SHA-256(prevHash || canonical)}, where {@code prevHash} is the previous entry's
 * 32 hash bytes (32 zero bytes before the first entry) and {@code canonical} is the entry's id,
 * time, kind, subject and detail, each as UTF-8 text preceded by its byte length as a 4-byte
 * big-endian integer (so no choice of field contents can make two entries encode alike).
 */
public final class AuditChain {
    /** The prevHash of entry 1. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    public static byte[] canonicalBytes(long id, Instant at, String kind, String subject, String detail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + detail.length());
        for (String field : new String[] {Long.toString(id), Timestamps.format(at), kind, subject, detail}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    public static String hash(String prevHash, long id, Instant at, String kind, String subject, String detail) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(prevHash));
        sha256.update(canonicalBytes(id, at, kind, subject, detail));
        return HEX.formatHex(sha256.digest());
    }

    /** The entry that follows {@code (prevId, prevHash)}. */
    public static AuditEntry next(long prevId, String prevHash, Instant at, String kind, String subject, String detail) {
        Instant stored = Timestamps.truncate(at);
        long id = prevId + 1;
        return new AuditEntry(id, stored, kind, subject, detail, prevHash,
                hash(prevHash, id, stored, kind, subject, detail));
    }

    /**
     * Walks the chain one entry at a time. Entries must come in id order starting at 1.
     */
    public static final class Walker {
        private long lastId;
        private String lastHash = GENESIS;
        private String firstProblem;

        /** Feeds the next entry; returns false once any entry broke the chain. */
        public boolean accept(AuditEntry e) {
            if (firstProblem != null) {
                return false;
            }
            if (e.id() != lastId + 1) {
                firstProblem = "audit entry id " + e.id() + " follows " + lastId;
            } else if (!e.prevHash().equals(lastHash)) {
                firstProblem = "audit entry " + e.id() + " does not link to the previous entry's hash";
            } else if (!isHex64(e.hash()) || !e.hash().equals(hash(e.prevHash(), e.id(), e.at(), e.kind(), e.subject(), e.detail()))) {
                firstProblem = "audit entry " + e.id() + " does not match its hash";
            }
            lastId = e.id();
            lastHash = e.hash();
            return firstProblem == null;
        }

        /** Checks the end of the chain against the recorded head, which catches truncation. */
        public boolean finish(long headId, String headHash) {
            if (firstProblem == null && (headId != lastId || !headHash.equals(lastHash))) {
                firstProblem = "audit head says entry " + headId + " is last, the log ends at " + lastId;
            }
            return firstProblem == null;
        }

        public Optional<String> problem() {
            return Optional.ofNullable(firstProblem);
        }

        public long entries() {
            return lastId;
        }
    }

    private static boolean isHex64(String s) {
        return s != null && s.length() == 64 && s.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
