package co.rtm.sim.vehicles;

import co.rtm.profiles.vehicle.Vehicle;

/**
 * A vehicle drawn from the fleet, with its {@code wear} in [0, 1]: how run-down it is, from its age and upkeep.
 * Wear scales every defect rate, so old, neglected vehicles fail more often, as they do at a real lane.
 */
record DrawnVehicle(Vehicle vehicle, double wear) {
    /** Multiplier for the base defect rates: 0.4 for a new, well-kept vehicle, 2.0 for a wreck; about 1 on average. */
    double failFactor() {
        return 0.4 + 1.6 * wear;
    }
}
