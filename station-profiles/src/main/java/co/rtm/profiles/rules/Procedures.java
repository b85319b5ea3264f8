package co.rtm.profiles.rules;

/**
 * Procedure preconditions: a test that misses them is invalid (never passed, never failed).
 * Gas: minimum engine oil temperature, cars 60 °C (NTC 4983), motorcycles 40 °C (NTC 5365).
 * Opacity (NTC 4231): peak spread per set at most {@code peakSpreadMaxK}, {@code invalidSetsToReject} invalid
 * sets reject, zero drift after the cycles at most {@code zeroDriftMaxK}.
 */
public record Procedures(double gasOilTempMinCCar, double gasOilTempMinCMotorcycle, double opacityPeakSpreadMaxK,
                         int opacityInvalidSetsToReject, double opacityZeroDriftMaxK, String source, Confidence confidence) {
    public Procedures {
        Require.check(opacityPeakSpreadMaxK > 0, "'opacityPeakSpreadMaxK' must be positive");
        Require.check(opacityInvalidSetsToReject >= 1, "'opacityInvalidSetsToReject' must be at least 1");
        Require.check(opacityZeroDriftMaxK > 0, "'opacityZeroDriftMaxK' must be positive");
        Require.present(source, "source");
        Require.present(confidence, "confidence");
    }
}
