package co.rtm.profiles.exam.theory;

import java.util.List;
import java.util.Objects;

/**
 * A question as shown and answered: bank id, option keys in the order shown, and the key the candidate chose
 * ({@code null}: not answered, which counts as wrong).
 */
public record AnsweredQuestion(String id, List<String> optionOrder, String answer) {
    public AnsweredQuestion {
        Objects.requireNonNull(id, "id");
        optionOrder = List.copyOf(optionOrder);
        if (answer != null && !optionOrder.contains(answer)) {
            throw new IllegalArgumentException("answer '" + answer + "' to question " + id + " is not one of the options shown " + optionOrder);
        }
    }

    public static AnsweredQuestion of(DrawnQuestion q, String answer) {
        return new AnsweredQuestion(q.id(), q.optionOrder(), answer);
    }
}
