package co.rtm.agent.inspection;

import co.rtm.profiles.inspection.DeclaredInvalid;
import co.rtm.profiles.inspection.Measurements;
import java.util.List;

/**
 * What an inspection read from the lane's instruments: the measured blocks, the tests that could not be
 * performed validly (with reasons), the instruments used, and the raw series for audit.
 */
public record SessionResult(Measurements measurements, List<DeclaredInvalid> invalidTests,
                            List<InstrumentUse> instruments, SampleSeries series) {
    public SessionResult {
        invalidTests = List.copyOf(invalidTests);
        instruments = List.copyOf(instruments);
    }

    /** Which instrument read which test, as it identified itself (null fields when it never did). */
    public record InstrumentUse(String test, String kind, String vendor, String model, String serial,
                                String verificationDue) {}
}
