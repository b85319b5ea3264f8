package co.rtm.hub.ledger;

import java.util.Objects;

/** The SHA-256 (hex) of one instrument test's raw series, as stored with an accepted inspection. */
public record SeriesPrint(String test, String sha256) {
    public SeriesPrint {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(sha256, "sha256");
    }
}
