package co.rtm.hub.ledger;

import co.rtm.hub.registry.CenterRules;
import co.rtm.profiles.vehicle.VehicleKind;
import java.util.List;
import java.util.Objects;

/**
 * What limits a lane's results, as read in the ledger's transaction: its centre's registered rules, its own
 * capacity per clock hour (null: not registered, unlimited), the vehicle kinds its profile takes, whether its
 * centre registered anyone (the inspector rule applies only then) and whether the centre is a mobile line (its
 * inspections are checked against its schedule and track). Both flags are read in the same query, so those rules
 * cost the ingestion path of a fixed lane no query of their own.
 */
public record LaneLimits(CenterRules center, Integer capacityPerHour, List<VehicleKind> laneKinds, boolean peopleRegistered,
                         boolean mobileLine) {
    /** A fixed lane of a centre without people registered. */
    public LaneLimits(CenterRules center, Integer capacityPerHour, List<VehicleKind> laneKinds) {
        this(center, capacityPerHour, laneKinds, false, false);
    }

    public LaneLimits {
        Objects.requireNonNull(center, "center");
        laneKinds = laneKinds == null ? List.of() : List.copyOf(laneKinds);
        if (capacityPerHour != null && capacityPerHour <= 0) {
            capacityPerHour = null;
        }
    }

    /** Whether accepting depends on how many results the lane already has in the hour. */
    public boolean capacityLimited() {
        return capacityPerHour != null;
    }
}
