package co.rtm.profiles.config;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import co.rtm.profiles.vehicle.VehicleKind;
import co.rtm.profiles.wire.Ids;

/**
 * What the hub tells a station about its limits (DESIGN §3 topic {@code config}, §4 capacity): published signed
 * with the hub key, retained, on {@code runt/v1/{centerId}/{stationId}/config}. The agent keeps the valid config
 * with the highest {@code version} and warns the technician before starting an inspection the hub would refuse.
 *
 * @param version            strictly increasing per station: a config with a version not above the one kept is ignored
 * @param issuedAt           the hub's clock when it built this config
 * @param active             false for a deactivated station or one whose key was revoked: the hub refuses everything
 * @param profile            the station profile {@code id@version}
 * @param capacityPerHour    the lane's effective capacity per clock hour (art. 3.3.5.2.4); null: none registered
 * @param vehicleKinds       the vehicle kinds the lane may inspect (its profile and the centre's class, art. 3.3.3.6)
 * @param hours              the centre's opening hours; null: none registered (always open)
 * @param accreditedUntil    last valid day of the centre's accreditation; null: not registered
 * @param environmentalUntil last valid day of the environmental certificate (art. 3.3.1.5 g); null: not registered
 * @param schedule           where a mobile line may work and when (art. 3.3.1.6); empty for fixed lanes
 */
public record StationConfig(String centerId, String stationId, long version, OffsetDateTime issuedAt, boolean active,
                            String profile, Integer capacityPerHour, List<VehicleKind> vehicleKinds, OpeningWeek hours,
                            LocalDate accreditedUntil, LocalDate environmentalUntil, List<ScheduleStop> schedule) {

    /** The JWS {@code typ} and the topic kind. */
    public static final String TYPE = "config";

    public StationConfig {
        Ids.requireSafe(centerId, "centerId");
        Ids.requireSafe(stationId, "stationId");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(profile, "profile");
        if (capacityPerHour != null && capacityPerHour < 1) {
            throw new IllegalArgumentException("capacityPerHour must be >= 1 or absent: " + capacityPerHour);
        }
        vehicleKinds = vehicleKinds == null ? List.of() : List.copyOf(vehicleKinds);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }

    /** Whether the lane may inspect a vehicle of {@code kind}. */
    public boolean allows(VehicleKind kind) {
        return vehicleKinds.contains(kind);
    }
}
