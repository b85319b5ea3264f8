package co.rtm.profiles.rules;

import co.rtm.profiles.inspection.TestKind;

import java.util.List;

/** The quantities the engine derives from readings; checks in the rulebook refer to them by name. */
public final class Quantities {
    private Quantities() {}

    public static final String BRAKE_SERVICE_EFFICIENCY = "brakes.serviceEfficiencyPct";
    public static final String BRAKE_PARKING_EFFICIENCY = "brakes.parkingEfficiencyPct";
    public static final String BRAKE_IMBALANCE = "brakes.axleImbalancePct";
    public static final String SUSPENSION_ADHERENCE = "suspension.adherencePct";
    public static final String SIDESLIP_FIRST_AXLE = "sideslip.firstAxleMPerKm";
    public static final String SIDESLIP_OTHER_AXLES = "sideslip.otherAxleMPerKm";
    public static final String LOW_BEAM_INTENSITY = "lights.lowBeamKlux";
    public static final String LOW_BEAM_INCLINATION = "lights.lowBeamInclinationPct";
    public static final String LIGHTS_SUM = "lights.simultaneousSumKlux";
    public static final String TYRE_MIN_TREAD = "tyres.minTreadMm";
    public static final String TAXIMETER_DISTANCE = "taximeter.distanceErrorPct";
    public static final String TAXIMETER_TIME = "taximeter.timeErrorPct";
    public static final String GAS_CO = "gas.coPct";
    public static final String GAS_HC = "gas.hcPpm";
    public static final String GAS_CO2 = "gas.co2Pct";
    public static final String GAS_O2 = "gas.o2Pct";
    public static final String OPACITY_GOVERNED = "opacity.governedSpeedReachedS";
    public static final String OPACITY_INVALID_SETS = "opacity.invalidSets";
    public static final String OPACITY_MEAN = "opacity.mean";
    public static final String NOISE = "noise.dBA";

    public static final List<String> ALL = List.of(BRAKE_SERVICE_EFFICIENCY, BRAKE_PARKING_EFFICIENCY, BRAKE_IMBALANCE,
            SUSPENSION_ADHERENCE, SIDESLIP_FIRST_AXLE, SIDESLIP_OTHER_AXLES, LOW_BEAM_INTENSITY, LOW_BEAM_INCLINATION,
            LIGHTS_SUM, TYRE_MIN_TREAD, TAXIMETER_DISTANCE, TAXIMETER_TIME, GAS_CO, GAS_HC, GAS_CO2, GAS_O2,
            OPACITY_GOVERNED, OPACITY_INVALID_SETS, OPACITY_MEAN, NOISE);

    public static TestKind testOf(String quantity) {
        return TestKind.fromJson(quantity.substring(0, quantity.indexOf('.')));
    }
}
