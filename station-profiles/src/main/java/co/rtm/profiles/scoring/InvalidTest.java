package co.rtm.profiles.scoring;

import co.rtm.profiles.inspection.TestKind;

/** A required test that was not performed validly, and why; it is never scored as passed. */
public record InvalidTest(TestKind test, String reason) {
}
