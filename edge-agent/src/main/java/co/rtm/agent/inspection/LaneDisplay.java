package co.rtm.agent.inspection;

import co.rtm.profiles.inspection.TestKind;

/** What the technician sees at the lane: the running test, what to do now, and how each test ended. */
public interface LaneDisplay {

    void prompt(String plate, TestKind test, String text);

    void finished(String plate, TestKind test, String outcome);

    /** A message about the lane rather than a test (an inspector logged in, a finger not recognised). */
    default void notice(String text) {
    }

    /** Writes one line per change to the agent's log (the default on a headless lane computer). */
    static LaneDisplay logging(org.slf4j.Logger log) {
        return new LaneDisplay() {
            @Override
            public void prompt(String plate, TestKind test, String text) {
                log.info("{} {}: {}", plate, test.json(), text);
            }

            @Override
            public void finished(String plate, TestKind test, String outcome) {
                log.info("{} {}: {}", plate, test.json(), outcome);
            }

            @Override
            public void notice(String text) {
                log.info("{}", text);
            }
        };
    }
}
