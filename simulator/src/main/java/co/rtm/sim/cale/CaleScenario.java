package co.rtm.sim.cale;

import co.rtm.profiles.exam.practical.Fault;
import co.rtm.profiles.exam.practical.FaultCatalogue;
import co.rtm.profiles.exam.practical.Severity;
import co.rtm.profiles.exam.theory.QuestionBank;
import co.rtm.sim.instruments.fingerprint.SyntheticCaptures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Drives a running CALE: a theory room (each candidate sits at a terminal of the {@code cale-theory} station) and a
 * practical route (the candidates who passed, at the {@code cale-practical} station's examiner console, with faults
 * drawn from the catalogue and a reporter other than the examiner). Returns counts by outcome.
 */
public final class CaleScenario {

    /** Examiner and reporter documents of the simulated CALE staff (not candidates). */
    public static final String EXAMINER = "CC-900000001";
    public static final String REPORTER = "CC-900000002";

    private CaleScenario() {
    }

    /** A capture of {@code person}'s finger at attempt {@code attempt}, with a photo taken at the same moment. */
    public static CaleTerminalClient.Finger finger(long person, int attempt) {
        return new CaleTerminalClient.Finger(SyntheticCaptures.genuine(person, attempt),
                ("photo of " + person + " at attempt " + attempt).getBytes(StandardCharsets.UTF_8));
    }

    /** Every candidate sits the theory exam in turn; returns the replies in candidate order. */
    public static List<TerminalReply> theoryRoom(String host, int port, List<SyntheticCandidate> candidates, long seed)
            throws IOException {
        QuestionBank bank = QuestionBank.synthetic();
        Random rnd = new Random(seed);
        List<TerminalReply> replies = new ArrayList<>();
        int turn = 0;
        for (SyntheticCandidate c : candidates) {
            turn++;
            long person = c.fingerPerson();
            int base = rnd.nextInt(1000);
            replies.add(CaleTerminalClient.theory(host, port, c.document().text() + " " + c.category() + " T-" + seed + "-" + turn,
                    k -> finger(person, base + k), Answerers.knowledge(bank, c.knowledge(), rnd), 0));
        }
        return replies;
    }

    /** The practical route for {@code passed} candidates; about one in four commits an eliminatory fault. */
    public static List<TerminalReply> practicalRoute(String host, int port, List<SyntheticCandidate> passed, long seed)
            throws IOException {
        FaultCatalogue catalogue = FaultCatalogue.builtIn();
        List<Fault> minor = catalogue.faults().stream().filter(f -> f.severity() != Severity.ELIMINATORIA).toList();
        List<Fault> eliminatory = catalogue.faults().stream().filter(f -> f.severity() == Severity.ELIMINATORIA).toList();
        Random rnd = new Random(seed);
        List<TerminalReply> replies = new ArrayList<>();
        int turn = 0;
        for (SyntheticCandidate c : passed) {
            turn++;
            List<String> entries = new ArrayList<>();
            int n = rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                entries.add("FAULT " + minor.get(rnd.nextInt(minor.size())).code());
            }
            if (rnd.nextInt(4) == 0) {
                entries.add("FAULT " + eliminatory.get(rnd.nextInt(eliminatory.size())).code());
            }
            entries.add("REPORT " + REPORTER);
            long person = c.fingerPerson();
            int base = 2000 + rnd.nextInt(1000);
            replies.add(CaleTerminalClient.practical(host, port, c.document().text() + " " + c.category() + " P-" + seed + "-" + turn
                    + " " + EXAMINER, k -> finger(person, base + k), entries));
        }
        return replies;
    }

    /** Counts of replies by how they ended (RESULT split into APPROVED / NOT_APPROVED, refusals by code). */
    public static Map<String, Integer> summary(List<TerminalReply> replies) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (TerminalReply r : replies) {
            String key = switch (r.end()) {
                case RESULT -> r.verdict();
                case REFUSED -> "REFUSED_" + r.refusals().get(r.refusals().size() - 1);
                default -> r.end().name();
            };
            out.merge(key, 1, Integer::sum);
        }
        return out;
    }
}
