package co.rtm.hub.ledger;

import java.util.List;

/** A verifier run: the report, and what exactly is wrong (empty when {@code report.ok()}). */
public record Verification(LedgerReport report, List<String> problems) {
    public Verification {
        problems = List.copyOf(problems);
    }
}
