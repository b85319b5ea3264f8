package co.rtm.hub.mobile;

import java.time.Duration;

/**
 * How strict acceptance of a mobile line's inspection is (DESIGN §7 "a recent fix inside the municipality"):
 * {@code maxFixAge}, how old the newest fix before the inspection's start may be; {@code toleranceMetres}, how far
 * outside the scheduled municipality's simplified boundary a fix may lie (docs/municipalities.md: borders are off by
 * hundreds of metres to a few kilometres, Tumaco and San Andrés worse).
 */
public record MobileSettings(Duration maxFixAge, double toleranceMetres) {
    public static final MobileSettings DEFAULT = new MobileSettings(Duration.ofMinutes(15), 1_000);

    public MobileSettings {
        if (maxFixAge == null || maxFixAge.isNegative() || maxFixAge.isZero()) {
            throw new IllegalArgumentException("the maximum fix age must be positive");
        }
        if (!(toleranceMetres >= 0)) {
            throw new IllegalArgumentException("the tolerance must be 0 metres or more");
        }
    }
}
