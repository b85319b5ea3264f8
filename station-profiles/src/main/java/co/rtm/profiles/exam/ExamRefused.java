package co.rtm.profiles.exam;

/** A refused exam step, thrown where a step cannot just be answered with a {@link Decision}. */
public final class ExamRefused extends RuntimeException {
    private final ExamRefusal refusal;

    public ExamRefused(ExamRefusal refusal, String detail) {
        super(refusal + ": " + detail);
        this.refusal = refusal;
    }

    public ExamRefusal refusal() { return refusal; }
}
