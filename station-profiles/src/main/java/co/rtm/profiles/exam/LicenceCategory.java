package co.rtm.profiles.exam;

/**
 * Driving-licence categories (art. 5.2.1.4 private A1-B3, art. 5.2.1.5 public service C1-C3; cale.md §5).
 * A candidate sits the CALE exams for one category.
 */
public enum LicenceCategory {
    A1, A2, B1, B2, B3, C1, C2, C3;

    /** The key of this category in {@code PracticalRules.passPctByCategory}. */
    public String key() { return name(); }
}
