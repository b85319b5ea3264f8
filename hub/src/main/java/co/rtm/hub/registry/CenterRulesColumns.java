package co.rtm.hub.registry;

import java.time.LocalDate;

/** {@link CenterRules} from the text the {@code centers} table stores (V5). */
public final class CenterRulesColumns {
    private CenterRulesColumns() {
    }

    /**
     * @throws IllegalStateException if a stored value cannot be read (the registry validates what it writes, so
     *                               only a hand-edited database gets here)
     */
    public static CenterRules read(String centerId, String centerClass, String openingHours, String accreditedUntil) {
        try {
            return new CenterRules(centerId, centerClass == null ? null : CenterClass.parse(centerClass),
                    openingHours == null ? OpeningHours.ALWAYS_OPEN : OpeningHours.parse(openingHours), openingHours != null,
                    accreditedUntil == null ? null : LocalDate.parse(accreditedUntil));
        } catch (RuntimeException e) {
            throw new IllegalStateException("centre " + centerId + " has unreadable registered rules: " + e.getMessage(), e);
        }
    }
}
