package co.rtm.profiles.scoring;

/**
 * Rounding of reported values (thresholds.md §5 item 9): below 10 two decimals, below 100 one, otherwise whole
 * numbers. Rules always evaluate the raw value; only the report is rounded.
 */
final class Reported {
    private Reported() {}

    static double round(double v) {
        double a = Math.abs(v);
        double scale = a < 10 ? 100 : a < 100 ? 10 : 1;
        return Math.round(v * scale) / scale;
    }
}
