package co.rtm.sim.cale;

import co.rtm.profiles.exam.theory.Question;
import co.rtm.profiles.exam.theory.QuestionBank;

import java.util.List;
import java.util.Random;

/** How simulated candidates answer: the bank tells them the right key, and they pick it or a wrong one. */
public final class Answerers {
    private Answerers() {
    }

    /** Right with chance {@code knowledge}, otherwise a wrong option at random. */
    public static CaleTerminalClient.Answerer knowledge(QuestionBank bank, double knowledge, Random rnd) {
        return (n, id, options) -> rnd.nextDouble() < knowledge ? right(bank, id) : wrong(bank, id, options, rnd.nextInt(options.size()));
    }

    /** Right on the questions numbered 1..{@code rightCount} as shown, wrong after. */
    public static CaleTerminalClient.Answerer firstRight(QuestionBank bank, int rightCount) {
        return (n, id, options) -> n <= rightCount ? right(bank, id) : wrong(bank, id, options, 0);
    }

    private static String right(QuestionBank bank, String id) {
        return bank.question(id).map(Question::correct).orElseThrow();
    }

    private static String wrong(QuestionBank bank, String id, List<String> options, int from) {
        String correct = right(bank, id);
        for (int i = 0; i < options.size(); i++) {
            String k = options.get((from + i) % options.size());
            if (!k.equals(correct)) {
                return k;
            }
        }
        return null;
    }
}
