package co.rtm.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00.123456789Z");

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        long id = 0;
        String hash = AuditChain.GENESIS;
        for (int i = 0; i < n; i++) {
            AuditEntry e = AuditChain.next(id, hash, T.plusSeconds(i), "K", "s" + i, "{\"i\":" + i + "}");
            entries.add(e);
            id = e.id();
            hash = e.hash();
        }
        return entries;
    }

    private static boolean verify(List<AuditEntry> entries) {
        AuditChain.Walker w = new AuditChain.Walker();
        entries.forEach(w::accept);
        AuditEntry last = entries.get(entries.size() - 1);
        return w.finish(last.id(), last.hash());
    }

    @Test
    void anIntactChainVerifies() {
        List<AuditEntry> c = chain(5);
        assertThat(c.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(c.get(0).at()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
        assertThat(c.get(1).prevHash()).isEqualTo(c.get(0).hash());
        assertThat(verify(c)).isTrue();
    }

    @Test
    void anyEditedFieldBreaksIt() {
        List<AuditEntry> c = chain(3);
        AuditEntry e = c.get(1);
        c.set(1, new AuditEntry(e.id(), e.at(), e.kind(), e.subject(), "{\"i\":7}", e.prevHash(), e.hash()));
        assertThat(verify(c)).isFalse();
    }

    @Test
    void aRehashedEntryBreaksTheNextLink() {
        List<AuditEntry> c = chain(3);
        AuditEntry e = c.get(1);
        c.set(1, AuditChain.next(e.id() - 1, e.prevHash(), e.at(), e.kind(), "forged", e.detail()));
        assertThat(verify(c)).isFalse();
    }

    @Test
    void removedEntriesAndACutTailAreDetected() {
        List<AuditEntry> c = chain(4);
        List<AuditEntry> gap = new ArrayList<>(c);
        gap.remove(2);
        assertThat(verify(gap)).isFalse();

        AuditChain.Walker w = new AuditChain.Walker();
        c.subList(0, 3).forEach(w::accept);
        assertThat(w.finish(c.get(3).id(), c.get(3).hash())).isFalse();
        assertThat(w.problem()).get().asString().contains("audit head");
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T, "ab", "c", "{}"))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, T, "a", "bc", "{}"));
    }
}
