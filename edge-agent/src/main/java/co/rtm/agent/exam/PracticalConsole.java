package co.rtm.agent.exam;

import co.rtm.profiles.person.DocumentId;

/** The examiner's console at a practical station: who is examined by whom, the faults, who reports the result. */
public interface PracticalConsole {

    /** The practical exam about to start: the candidate's booking and the examiner's document. */
    record Start(Booking booking, DocumentId examiner) {}

    /** What the examiner enters during the exam. */
    sealed interface Entry {
        /** A fault from the catalogue, by code. */
        record Fault(String code) implements Entry {}

        /** The exam is over; {@code reporter} tells the candidate the result (art. 3.7.3.2.3). */
        record Report(DocumentId reporter) implements Entry {}
    }

    Start start() throws TerminalLost;

    Entry next() throws TerminalLost;

    void tell(String message);

    void refused(StationRefusal refusal, String message);

    void suspended(String message);

    void result(ExamOutcome.Closed closed);
}
