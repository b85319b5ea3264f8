package co.rtm.profiles.exam;

import java.util.Objects;

/** The answer of an eligibility rule: allowed, or refused with one {@link ExamRefusal} and a one-line detail. */
public record Decision(ExamRefusal refusal, String detail) {
    private static final Decision ALLOWED = new Decision(null, "allowed");

    public Decision {
        Objects.requireNonNull(detail, "detail");
    }

    public static Decision allowed() { return ALLOWED; }

    public static Decision refused(ExamRefusal why, String detail) {
        return new Decision(Objects.requireNonNull(why, "why"), detail);
    }

    public boolean isAllowed() { return refusal == null; }
}
