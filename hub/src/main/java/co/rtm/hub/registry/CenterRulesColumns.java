package co.rtm.hub.registry;

import java.time.LocalDate;

/** {@link CenterRules} from the text the {@code centers} table stores (V5, V9). */
public final class CenterRulesColumns {
    private CenterRulesColumns() {
    }

    /**
     * @throws IllegalStateException if a stored value cannot be read (the registry validates what it writes, so
     *                               only a hand-edited database gets here)
     */
    public static CenterRules read(String centerId, String centerClass, String openingHours, String accreditedUntil) {
        return read(centerId, centerClass, openingHours, accreditedUntil, null, CenterLocation.NONE);
    }

    /** Also the environmental certificate's last day and the location (V9). */
    public static CenterRules read(String centerId, String centerClass, String openingHours, String accreditedUntil,
                                   String environmentalUntil, CenterLocation location) {
        try {
            return new CenterRules(centerId, centerClass == null ? null : CenterClass.parse(centerClass),
                    openingHours == null ? OpeningHours.ALWAYS_OPEN : OpeningHours.parse(openingHours), openingHours != null,
                    date(accreditedUntil), date(environmentalUntil), location);
        } catch (RuntimeException e) {
            throw new IllegalStateException("centre " + centerId + " has unreadable registered rules: " + e.getMessage(), e);
        }
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
