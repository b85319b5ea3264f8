package co.rtm.hub.exam;

import co.rtm.profiles.exam.eligibility.Certificate;
import co.rtm.profiles.exam.eligibility.ExamAttempt;
import java.util.List;

/**
 * What the hub knows when it judges an exam, read in the ledger's transaction: whether the sending station's centre is
 * a CALE and its profile id, the booking the exam names (null: none), whether an accepted exam already used that turn
 * or the theory draw's (seed, seat), the candidate's certificates and earlier exams, the accepted theory exams at the
 * CALE overlapping this one and the number of theory stations; for a practical, the replica reference hash the
 * candidate's last passed theory exam in the category was identified against (null: none).
 */
public record ExamFacts(boolean caleCenter, String stationProfileId, Booking booking, boolean turnUsed, boolean seatUsed,
                        List<Certificate> certificates, List<ExamAttempt> history,
                        List<TheoryCapacity.Interval> overlappingTheory, int theoryStations, String theoryReferenceHash) {
    public ExamFacts {
        certificates = List.copyOf(certificates);
        history = List.copyOf(history);
        overlappingTheory = List.copyOf(overlappingTheory);
    }
}
