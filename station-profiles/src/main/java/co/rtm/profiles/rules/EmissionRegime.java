package co.rtm.profiles.rules;

import java.time.LocalDate;

/**
 * An emission regime and the test dates (America/Bogota) it governs, both ends inclusive; a missing end is open.
 * Res. 910/2008 until 2023-02-07, Res. 0762/2022 from 2023-02-08 (thresholds.md §1).
 */
public record EmissionRegime(String id, LocalDate from, LocalDate until, String source, Confidence confidence) {
    public EmissionRegime {
        Require.present(id, "id");
        Require.check(from != null || until != null, "a regime needs 'from', 'until' or both");
        Require.check(from == null || until == null || !until.isBefore(from), "'until' is before 'from'");
        Require.present(source, "source");
        Require.present(confidence, "confidence");
    }

    public boolean covers(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
    }
}
