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
import java.util.function.Function;

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

    /** Every candidate sits the theory exam in turn, on made-up turns {@code T-<seed>-<n>}; replies in candidate order. */
    public static List<TerminalReply> theoryRoom(String host, int port, List<SyntheticCandidate> candidates, long seed)
            throws IOException {
        int[] n = {0};
        return theoryRoom(host, port, candidates, seed, c -> "T-" + seed + "-" + ++n[0]);
    }

    /**
     * Every candidate sits the theory exam in turn; the terminal presents the turn id {@code turnOf} gives (the one
     * booked at the hub, docs/cale-stations.md); returns the replies in candidate order.
     */
    public static List<TerminalReply> theoryRoom(String host, int port, List<SyntheticCandidate> candidates, long seed,
                                                 Function<SyntheticCandidate, String> turnOf) throws IOException {
        QuestionBank bank = QuestionBank.synthetic();
        Random rnd = new Random(seed);
        List<TerminalReply> replies = new ArrayList<>();
        for (SyntheticCandidate c : candidates) {
            long person = c.fingerPerson();
            int base = rnd.nextInt(1000);
            replies.add(CaleTerminalClient.theory(host, port, c.document().text() + " " + c.category() + " " + turnOf.apply(c),
                    k -> finger(person, base + k), Answerers.knowledge(bank, c.knowledge(), rnd), 0));
        }
        return replies;
    }

    /** The practical route for {@code passed} candidates; about one in four commits an eliminatory fault. */
    public static List<TerminalReply> practicalRoute(String host, int port, List<SyntheticCandidate> passed, long seed)
            throws IOException {
        int[] n = {0};
        return practicalRoute(host, port, passed, seed, c -> "P-" + seed + "-" + ++n[0]);
    }

    /** The practical route, the console entering the turn id {@code turnOf} gives for each candidate. */
    public static List<TerminalReply> practicalRoute(String host, int port, List<SyntheticCandidate> passed, long seed,
                                                     Function<SyntheticCandidate, String> turnOf) throws IOException {
        FaultCatalogue catalogue = FaultCatalogue.builtIn();
        List<Fault> minor = catalogue.faults().stream().filter(f -> f.severity() != Severity.ELIMINATORIA).toList();
        List<Fault> eliminatory = catalogue.faults().stream().filter(f -> f.severity() == Severity.ELIMINATORIA).toList();
        Random rnd = new Random(seed);
        List<TerminalReply> replies = new ArrayList<>();
        for (SyntheticCandidate c : passed) {
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
            replies.add(CaleTerminalClient.practical(host, port, c.document().text() + " " + c.category() + " " + turnOf.apply(c)
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
