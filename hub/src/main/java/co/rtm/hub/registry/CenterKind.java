package co.rtm.hub.registry;

/** What a centre is: a fixed CDA, a mobile line (its own FUR series), or a CALE exam centre. */
public enum CenterKind {
    CDA, MOBILE, CALE
}
