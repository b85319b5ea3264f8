package co.rtm.agent.instruments;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who the instrument says it is, and until when its calibration / metrological verification holds.
 * A test read after {@code verificationDue} is invalid (the driver reports {@link FaultKind#CALIBRATION_EXPIRED}).
 *
 * @param verifiedOn      date of the last calibration or metrological verification
 * @param verificationDue last day the verification is valid (inclusive)
 */
public record DeviceIdentity(String vendor, String model, String serial, String firmware,
                             LocalDate verifiedOn, LocalDate verificationDue) {
    public DeviceIdentity {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(verifiedOn, "verifiedOn");
        Objects.requireNonNull(verificationDue, "verificationDue");
    }

    /** Whether the verification still holds on {@code day} (the due day itself is still valid). */
    public boolean verifiedOn(LocalDate day) {
        return !day.isAfter(verificationDue);
    }
}
