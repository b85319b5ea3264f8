package co.rtm.profiles.profile;

import java.util.Map;

/**
 * The CALE practical exam (DESIGN §6): pass percentage per licence category (B1-B3 75 %, A1, A2, C1-C3 80 %),
 * the window after a passed theory exam and the free retake window.
 */
public record PracticalRules(Map<String, Double> passPctByCategory, int daysAfterTheory, int freeRetakeDays) {
    public PracticalRules {
        if (passPctByCategory == null || passPctByCategory.isEmpty()) throw new IllegalArgumentException("'passPctByCategory' is required");
        passPctByCategory.forEach((k, v) -> {
            if (!k.matches("[ABC][1-3]")) throw new IllegalArgumentException("unknown licence category '" + k + "'");
            if (v == null || v <= 0 || v > 100) throw new IllegalArgumentException("pass percentage of " + k + " must be in (0, 100]");
        });
        passPctByCategory = Map.copyOf(passPctByCategory);
        if (daysAfterTheory < 1) throw new IllegalArgumentException("'daysAfterTheory' must be positive");
    }
}
