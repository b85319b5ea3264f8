package co.rtm.hub.registry;

import co.rtm.profiles.vehicle.VehicleKind;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A CDA's class by service coverage (art. 3.3.3.6, Res. 3768/2013 art. 10 as modified by Res. 6589/2019); a mobile
 * line has its fixed CDA's class (art. 3.3.1.6 e). Motocarros only at class B and D (art. 3.3.8.1).
 */
public enum CenterClass {
    /** Lines only for motorcycles. */
    A(EnumSet.of(VehicleKind.MOTORCYCLE), false),
    /** Light vehicles and motocarros; may add separate motorcycle-only lines. */
    B(EnumSet.of(VehicleKind.LIGHT, VehicleKind.MOTOCARRO), true),
    /** Only heavy vehicles; may add separate motorcycle-only lines. */
    C(EnumSet.of(VehicleKind.HEAVY), true),
    /** Light vehicles, motocarros and heavy vehicles; may add separate motorcycle-only lines. */
    D(EnumSet.of(VehicleKind.LIGHT, VehicleKind.MOTOCARRO, VehicleKind.HEAVY), true);

    private final Set<VehicleKind> kinds;
    private final boolean motorcycleLines;

    CenterClass(Set<VehicleKind> kinds, boolean motorcycleLines) {
        this.kinds = kinds;
        this.motorcycleLines = motorcycleLines;
    }

    /**
     * Whether a centre of this class may inspect {@code kind} on a lane whose profile takes {@code laneKinds}: a
     * kind of the class, or a motorcycle on a motorcycle-only lane where the class may add those.
     */
    public boolean allows(VehicleKind kind, Collection<VehicleKind> laneKinds) {
        if (kinds.contains(kind)) {
            return true;
        }
        return kind == VehicleKind.MOTORCYCLE && motorcycleLines && Set.copyOf(laneKinds).equals(Set.of(VehicleKind.MOTORCYCLE));
    }

    /** {@code A}..{@code D}, either case. */
    public static CenterClass parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown centre class '" + text + "' (use A, B, C or D, art. 3.3.3.6)");
        }
    }
}
