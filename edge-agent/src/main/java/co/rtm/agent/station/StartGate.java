package co.rtm.agent.station;

import java.util.Optional;

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
}
