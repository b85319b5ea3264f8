package co.rtm.hub.ledger;

/** The reason codes the ledger itself refuses with; ingestion adds its own (signature, schema, score...). */
public final class RefusalReasons {
    public static final String UNKNOWN_STATION = "UNKNOWN_STATION";
    public static final String CENTER_MISMATCH = "CENTER_MISMATCH";
    public static final String STATION_INACTIVE = "STATION_INACTIVE";
    public static final String REPLAYED_SEQ = "REPLAYED_SEQ";

    private RefusalReasons() {
    }
}
