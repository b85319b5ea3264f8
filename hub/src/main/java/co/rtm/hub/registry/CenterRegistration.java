package co.rtm.hub.registry;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Creates a centre if absent and registers its rules: the one code path of {@code hub register-center} and
 * {@code POST /api/centers}. A new centre's name and FUR series code are its id, as the commands always made them.
 */
public final class CenterRegistration {
    /** What is stored afterwards, and whether this call created the centre. */
    public record Registered(Center center, CenterRules rules, boolean created) {
    }

    private CenterRegistration() {
    }

    /** {@code CDA}, {@code MOBILE} or {@code CALE}, any case. */
    public static CenterKind kind(String text) {
        try {
            return CenterKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidField("kind", "unknown centre kind '" + text + "' (use CDA, MOBILE or CALE)");
        }
    }

    /**
     * @param kind      the kind of a centre created here; ignored for an existing one
     * @param mustBeNew refuse an existing centre instead of changing its rules
     * @throws IllegalStateException if {@code mustBeNew} and the centre exists
     * @throws InvalidField          for a class on a new CALE, or a bad id
     */
    public static Registered register(Registry registry, String centerId, CenterKind kind, UnaryOperator<CenterRules> change,
                                      boolean mustBeNew) {
        Optional<Center> existing = registry.findCenter(centerId);
        boolean created = false;
        if (existing.isPresent()) {
            if (mustBeNew) {
                throw new IllegalStateException("centre " + centerId + " already exists");
            }
        } else {
            try {
                Registry.requireId("centre id", centerId);
            } catch (IllegalArgumentException e) {
                throw new InvalidField("id", e);
            }
            // checked before creating, so a refused class leaves no half-registered centre behind
            if (kind == CenterKind.CALE && change.apply(CenterRules.unregistered(centerId)).centerClass() != null) {
                throw new InvalidField("centerClass", "a CALE has no class; classes A-D are for CDAs and mobile lines");
            }
            registry.createCenter(centerId, kind, centerId, kind == CenterKind.CALE ? null : centerId);
            created = true;
        }
        Center center = registry.findCenter(centerId).orElseThrow();
        return new Registered(center, registry.updateCenterRules(centerId, change), created);
    }
}
