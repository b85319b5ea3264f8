package co.rtm.sim.vehicles;

/**
 * Base probabilities that a vehicle of average wear shows each fault, before {@link DrawnVehicle#failFactor()}.
 * Tuned together so that about a quarter of the population is rejected, as at Colombian CDAs, with lights,
 * tyres, brakes, emissions and suspension as the usual causes. Procedure faults (cold oil, opacimeter drift)
 * are not wear: they are flat rates and make a small share of inspections incomplete.
 */
final class Rates {
    private Rates() {}

    // Brakes
    static final double SERVICE_EFFICIENCY_LOW = 0.025;
    static final double PARKING_EFFICIENCY_LOW = 0.040;
    static final double AXLE_IMBALANCE_A = 0.012;
    static final double AXLE_IMBALANCE_B = 0.040;
    static final double MOTORCYCLE_EFFICIENCY_LOW = 0.025;
    // Chassis
    static final double SUSPENSION_WHEEL_LOW = 0.030;
    static final double SIDESLIP_FIRST_AXLE = 0.012;
    static final double SIDESLIP_OTHER_AXLE = 0.010;
    static final double TREAD_WORN = 0.045;
    // Lights
    static final double LAMP_DIM = 0.030;
    static final double LAMP_MISAIMED = 0.040;
    static final double LAMPS_SUM_HIGH = 0.004;
    // Emissions
    static final double GAS_OVER_LIMIT = 0.050;
    static final double GAS_DILUTED = 0.004;
    static final double GAS_COLD_OIL = 0.012;
    static final double OPACITY_OVER_LIMIT = 0.050;
    static final double OPACITY_GOVERNED_SLOW = 0.005;
    static final double OPACITY_SET_REPEATED = 0.060;
    static final double OPACITY_THREE_INVALID_SETS = 0.004;
    static final double OPACITY_ZERO_DRIFT = 0.004;
    // Taximeter, sensory review
    static final double TAXIMETER_OUT = 0.030;
    static final double SENSORY_A = 0.020;
    static final double SENSORY_B = 0.200;
}
