package co.rtm.profiles.exam.practical;

import java.time.OffsetDateTime;
import java.util.Objects;

/** A fault the examiner recorded: catalogue code and when. The same code may be recorded more than once. */
public record RecordedFault(String code, OffsetDateTime at) {
    public RecordedFault {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
    }
}
