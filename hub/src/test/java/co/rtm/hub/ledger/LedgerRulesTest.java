package co.rtm.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerRulesTest {
    private final Submission s = LedgerFixture.inspection("CDA-1", "lane-1", 10, Verdict.APPROVED);
    private final StationState ok = new StationState("lane-1", "CDA-1", true, 9L);

    @Test
    void acceptsANewSeqWithTheNextNumbers() {
        LedgerDecision d = LedgerRules.decide(s, ok, null, false, Map.of(Series.fur("CDA-1"), 5L));
        assertThat(d).isInstanceOfSatisfying(LedgerDecision.Accept.class, a -> {
            assertThat(a.assignment().furNumber()).isEqualTo(5);
            assertThat(a.assignment().certificateNumber()).isEqualTo(1);
        });
        assertThat(LedgerRules.decide(s, new StationState("lane-1", "CDA-1", true, null), null, false, Map.of()))
                .isInstanceOf(LedgerDecision.Accept.class);
    }

    @Test
    void aDuplicateWinsOverEverythingElse() {
        Receipt r = new Receipt(s.messageId(), 1, 1L, CertificateKind.RTM, 1L, Instant.EPOCH);
        StationState inactiveAndPast = new StationState("lane-1", "CDA-1", false, 99L);
        assertThat(LedgerRules.decide(s, inactiveAndPast, r, true, Map.of())).isEqualTo(new LedgerDecision.Duplicate(r));
    }

    @Test
    void refusals() {
        assertThat(reason(LedgerRules.decide(s, null, null, false, Map.of()))).isEqualTo(RefusalReasons.UNKNOWN_STATION);
        assertThat(reason(LedgerRules.decide(s, new StationState("lane-1", "CDA-2", true, null), null, false, Map.of())))
                .isEqualTo(RefusalReasons.CENTER_MISMATCH);
        assertThat(reason(LedgerRules.decide(s, new StationState("lane-1", "CDA-1", false, null), null, false, Map.of())))
                .isEqualTo(RefusalReasons.STATION_INACTIVE);
        assertThat(reason(LedgerRules.decide(s, new StationState("lane-1", "CDA-1", true, 10L), null, true, Map.of())))
                .isEqualTo(RefusalReasons.REPLAYED_SEQ);
    }

    @Test
    void aLowerSeqNeverAcceptedIsNewButATakenOneIsAReplay() {
        // seq 10 arrives after seq 20 was accepted (resent after a lost ack): fine if 10 was never taken
        StationState past = new StationState("lane-1", "CDA-1", true, 20L);
        assertThat(LedgerRules.decide(s, past, null, false, Map.of())).isInstanceOf(LedgerDecision.Accept.class);
        assertThat(reason(LedgerRules.decide(s, past, null, true, Map.of()))).isEqualTo(RefusalReasons.REPLAYED_SEQ);
    }

    private static String reason(LedgerDecision d) {
        return ((LedgerDecision.Refuse) d).reasonCode();
    }
}
