package co.rtm.hub.ledger;

/** What the ledger rules decide for a submission. */
public sealed interface LedgerDecision {
    /** Record it with these numbers. */
    record Accept(Assignment assignment) implements LedgerDecision {
    }

    /** Already accepted: answer with the stored receipt, change nothing. */
    record Duplicate(Receipt receipt) implements LedgerDecision {
    }

    /** Store as a refusal, number nothing. */
    record Refuse(String reasonCode, String detail) implements LedgerDecision {
    }
}
