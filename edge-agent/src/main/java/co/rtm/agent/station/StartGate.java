package co.rtm.agent.station;

import java.time.OffsetDateTime;
import java.util.Optional;

import co.rtm.profiles.vehicle.VehicleKind;

/**
 * Asked by the station before it takes each vehicle: a reason to hold the lane (shown to the technician and in
 * {@link StationStats#waiting()}), or empty to go ahead. Called often (about twice a second while holding), so it
 * must be cheap.
 */
@FunctionalInterface
public interface StartGate {

    /** Never holds. */
    StartGate OPEN = Optional::empty;

    Optional<String> holdReason();

    /** A reason to refuse a vehicle of {@code kind} at the lane rather than inspect it; empty to go ahead. */
    default Optional<String> vehicleRefusal(VehicleKind kind) {
        return Optional.empty();
    }

    /** Told after each inspection the station stored, with its start. */
    default void started(OffsetDateTime startedAt) {
    }

    /** Holds while either holds ({@code first} asked first); refuses what either refuses; tells both of each start. */
    static StartGate both(StartGate first, StartGate second) {
        return new StartGate() {
            @Override
            public Optional<String> holdReason() {
                Optional<String> reason = first.holdReason();
                return reason.isPresent() ? reason : second.holdReason();
            }

            @Override
            public Optional<String> vehicleRefusal(VehicleKind kind) {
                Optional<String> refusal = first.vehicleRefusal(kind);
                return refusal.isPresent() ? refusal : second.vehicleRefusal(kind);
            }

            @Override
            public void started(OffsetDateTime startedAt) {
                first.started(startedAt);
                second.started(startedAt);
            }
        };
    }
}
