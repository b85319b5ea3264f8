package co.rtm.hub.mobile;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How strict acceptance of a mobile line's inspection is (DESIGN §7 "a recent fix inside the municipality"):
 * {@code maxFixAge}, how old the newest fix before the inspection's start may be; {@code toleranceMetres}, how far
 * outside the scheduled municipality's simplified boundary a fix may lie (docs/municipalities.md: borders are off by
 * hundreds of metres to a few kilometres, Tumaco and San Andrés worse).
 */
public record MobileSettings(Duration maxFixAge, double toleranceMetres) {
    public static final MobileSettings DEFAULT = new MobileSettings(Duration.ofMinutes(15), 1_000);

    /** Property: minutes a fix may be older than the inspection's start (default 15). */
    public static final String MAX_FIX_AGE_MINUTES = "rtm.mobile.maxFixAgeMinutes";
    /** Property: metres a fix may lie outside the scheduled municipality (default 1000). */
    public static final String TOLERANCE_METRES = "rtm.mobile.toleranceMetres";

    /** From the JVM's system properties ({@code -Drtm.mobile.maxFixAgeMinutes=20}), each defaulting as {@link #DEFAULT}. */
    public static MobileSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    /** From named properties; an absent one keeps its default, a bad one is a one-line error. */
    public static MobileSettings from(UnaryOperator<String> properties) {
        String age = properties.apply(MAX_FIX_AGE_MINUTES);
        String tolerance = properties.apply(TOLERANCE_METRES);
        try {
            return new MobileSettings(age == null ? DEFAULT.maxFixAge() : Duration.ofMinutes(Long.parseLong(age.trim())),
                    tolerance == null ? DEFAULT.toleranceMetres() : Double.parseDouble(tolerance.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_FIX_AGE_MINUTES + " must be whole minutes and " + TOLERANCE_METRES
                    + " metres, got '" + age + "' and '" + tolerance + "'");
        }
    }

    public MobileSettings {
        if (maxFixAge == null || maxFixAge.isNegative() || maxFixAge.isZero()) {
            throw new IllegalArgumentException("the maximum fix age must be positive");
        }
        if (!(toleranceMetres >= 0)) {
            throw new IllegalArgumentException("the tolerance must be 0 metres or more");
        }
    }
}
