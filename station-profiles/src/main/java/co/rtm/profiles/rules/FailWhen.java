package co.rtm.profiles.rules;

import java.util.List;

/**
 * When a value is a defect. Exactly one comparator is set; boundaries are as the norm words them
 * ("inferior al 50 %" is {@code lt: 50}, "entre el 20 % y 30 %" is {@code between: [20, 30]}, both ends included).
 * {@code gtLimitOf} takes the limit from the emission tables ({@code coPct}, {@code hcPpm} or {@code opacity}).
 */
public record FailWhen(Double lt, Double gt, Double ge, Double absGt, List<Double> between, List<Double> outside, String gtLimitOf) {
    public static final List<String> TABLE_LIMITS = List.of("coPct", "hcPpm", "opacity");

    public FailWhen {
        int set = (lt != null ? 1 : 0) + (gt != null ? 1 : 0) + (ge != null ? 1 : 0) + (absGt != null ? 1 : 0)
                + (between != null ? 1 : 0) + (outside != null ? 1 : 0) + (gtLimitOf != null ? 1 : 0);
        Require.check(set == 1, "set exactly one of lt, gt, ge, absGt, between, outside, gtLimitOf (found " + set + ")");
        for (List<Double> range : java.util.Arrays.asList(between, outside)) {
            Require.check(range == null || range.size() == 2 && range.get(0) <= range.get(1), "a range is [low, high] with low <= high");
        }
        between = between == null ? null : List.copyOf(between);
        outside = outside == null ? null : List.copyOf(outside);
        Require.check(gtLimitOf == null || TABLE_LIMITS.contains(gtLimitOf),
                "'gtLimitOf' must be one of " + TABLE_LIMITS + ", got '" + gtLimitOf + "'");
    }

    /**
     * The limit the value violates, or {@code NaN} when it passes.
     *
     * @param tableLimit the emission-table limit when {@link #gtLimitOf} is set
     */
    public double violated(double v, double tableLimit) {
        if (lt != null) return v < lt ? lt : Double.NaN;
        if (gt != null) return v > gt ? gt : Double.NaN;
        if (ge != null) return v >= ge ? ge : Double.NaN;
        if (absGt != null) return Math.abs(v) > absGt ? absGt : Double.NaN;
        if (between != null) return v >= between.get(0) && v <= between.get(1) ? between.get(0) : Double.NaN;
        if (outside != null) {
            if (v < outside.get(0)) return outside.get(0);
            return v > outside.get(1) ? outside.get(1) : Double.NaN;
        }
        return v > tableLimit ? tableLimit : Double.NaN;
    }

    /** The values that pass, in words, for the FUR: {@code "≥ 50"}, {@code "≤ 3.5"}, {@code "fuera de 20 – 30"}. */
    public String passText(double tableLimit) {
        if (lt != null) return "≥ " + plain(lt);
        if (gt != null) return "≤ " + plain(gt);
        if (ge != null) return "< " + plain(ge);
        if (absGt != null) return "± " + plain(absGt);
        if (between != null) return "fuera de " + plain(between.get(0)) + " – " + plain(between.get(1));
        if (outside != null) return plain(outside.get(0)) + " – " + plain(outside.get(1));
        return "≤ " + plain(tableLimit);
    }

    /** The one number the limit is, or null for a range. */
    public Double singleLimit(double tableLimit) {
        if (lt != null) return lt;
        if (gt != null) return gt;
        if (ge != null) return ge;
        if (absGt != null) return absGt;
        if (between != null || outside != null) return null;
        return Double.isNaN(tableLimit) ? null : tableLimit;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
