package co.rtm.agent.instruments.lane;

/** Thrown inside a guarded step by {@link TestGuard.Control#checkNotAborted()} once the emergency stop fired. */
public final class TestAbortedException extends Exception {
    public TestAbortedException(String reason) {
        super(reason);
    }
}
