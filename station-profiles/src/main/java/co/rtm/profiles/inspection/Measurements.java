package co.rtm.profiles.inspection;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What the lane's instruments read, one optional block per test (DESIGN §5). A block that is
 * {@code null} was not measured. Values are raw, as read; the scorer rounds only what it reports.
 */
public record Measurements(
        Brakes brakes,
        Suspension suspension,
        Sideslip sideslip,
        Lights lights,
        Tyres tyres,
        Gas gas,
        Opacity opacity,
        Noise noise,
        Taximeter taximeter) {

    /** Roller brake tester. Four-wheel vehicles fill left/right and parking; motorcycles only {@code serviceN}. */
    public record Brakes(List<BrakeAxle> axles) {}

    /** One axle. Forces and weight in newtons. Parking forces are absent on axles without a parking brake. */
    public record BrakeAxle(double weightN, OptionalDouble serviceLeftN, OptionalDouble serviceRightN,
                            OptionalDouble parkingLeftN, OptionalDouble parkingRightN, OptionalDouble serviceN) {}

    public record Suspension(List<SuspensionWheel> wheels) {}

    /** EUSAMA adherence of one wheel, percent. */
    public record SuspensionWheel(String position, double adherencePct) {}

    public record Sideslip(List<SideslipAxle> axles) {}

    /** Lateral deviation of one axle over the plate, metres per kilometre (signed). */
    public record SideslipAxle(int axle, double mPerKm) {}

    public record Lights(List<LowBeam> lowBeams, OptionalDouble simultaneousSumKlux) {}

    /** One low-beam lamp: intensity in klux at 1 m, inclination in percent below the horizon. */
    public record LowBeam(String side, double intensityKlux, double inclinationPct) {}

    public record Tyres(List<Double> treadDepthsMm) {}

    /** Gas analyser (NTC 4983 / NTC 5365). Motorcycles are measured at idle only. */
    public record Gas(OptionalDouble oilTempC, GasPhase idle, GasPhase cruise) {}

    public record GasPhase(double rpm, double coPct, double co2Pct, double o2Pct, double hcPpm) {}

    /** Opacimeter (NTC 4231): every set of three peaks after the purge, in order, in {@code unit}. */
    public record Opacity(OpacityUnit unit, OptionalDouble governedSpeedReachedS, List<List<Double>> sets,
                          OptionalDouble zeroDriftK) {}

    public record Noise(double dBA) {}

    public record Taximeter(double distanceErrorPct, double timeErrorPct) {}
}
