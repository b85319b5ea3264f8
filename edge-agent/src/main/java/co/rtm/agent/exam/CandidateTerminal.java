package co.rtm.agent.exam;

import co.rtm.profiles.exam.theory.DrawnQuestion;
import co.rtm.profiles.exam.theory.Question;

/** The candidate's cubicle terminal at a theory station: takes the document, shows questions, returns answers. */
public interface CandidateTerminal {

    /** The candidate enters the document; the booked category and turn come with it. */
    Booking booking() throws TerminalLost;

    /**
     * Shows question {@code number} of {@code total} with its options in the order drawn.
     *
     * @return the option key chosen, or null when left unanswered
     */
    String answer(int number, int total, Question question, DrawnQuestion shown) throws TerminalLost;

    /** Tells the candidate something (Spanish); a lost terminal is ignored here. */
    void tell(String message);

    /** The station refuses this step: a code and the Spanish reason. */
    void refused(StationRefusal refusal, String message);

    /** The exam was suspended (Spanish reason); it restarts from identification. */
    void suspended(String message);

    /** The closed exam's result. */
    void result(ExamOutcome.Closed closed);
}
