package co.rtm.profiles.exam.theory;

import java.util.List;
import java.util.Objects;

/** One question as shown to a candidate: its bank id and its options' keys in the order shown. */
public record DrawnQuestion(String id, List<String> optionOrder) {
    public DrawnQuestion {
        Objects.requireNonNull(id, "id");
        optionOrder = List.copyOf(optionOrder);
        if (optionOrder.size() < 2) throw new IllegalArgumentException("question " + id + " shows fewer than 2 options");
    }
}
