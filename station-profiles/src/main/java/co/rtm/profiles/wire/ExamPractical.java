package co.rtm.profiles.wire;

import co.rtm.profiles.exam.practical.RecordedFault;
import co.rtm.profiles.person.DocumentId;

import java.util.List;
import java.util.Objects;

/**
 * The practical part of an {@code exam} message: the fault catalogue ({@code id@version}), the examiner, the staff
 * member who reported the result to the candidate, and the faults recorded. The reporter must be someone other than
 * the examiner (art. 3.7.3.2.3, seed line 2613).
 */
public record ExamPractical(String catalogue, DocumentId examiner, DocumentId reporter, List<RecordedFault> faults) {
    public ExamPractical {
        Objects.requireNonNull(catalogue, "practical.catalogue");
        Objects.requireNonNull(examiner, "practical.examiner");
        Objects.requireNonNull(reporter, "practical.reporter");
        if (examiner.equals(reporter)) {
            throw new IllegalArgumentException("practical.reporter must be someone other than the examiner (art. 3.7.3.2.3): both are " + examiner);
        }
        faults = faults == null ? List.of() : List.copyOf(faults);
    }
}
