package co.rtm.profiles.scoring;

import co.rtm.profiles.inspection.TestKind;

/**
 * One measured item as the FUR prints it (art. 3.3.5.1): the check that judged it, what it belongs to (an axle, a
 * lamp, a phase), its reported (rounded) value, the limit the rulebook holds it to in words ({@code "≥ 50"},
 * {@code "≤ 3.5"}, {@code "fuera de 5 – 10"}) and whether it passed. {@code limit} is the single number of that
 * limit, or null for a range.
 */
public record Measured(TestKind test, String check, String quantity, String label, double value, String unit,
                       String limitText, Double limit, boolean passed, String defectCode) {
}
