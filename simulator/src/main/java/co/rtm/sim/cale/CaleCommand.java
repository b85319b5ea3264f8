package co.rtm.sim.cale;

import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.identity.IdentityException;
import co.rtm.profiles.wire.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cale --registry DB --candidates N [--seed S] [--theory HOST:PORT] [--practical HOST:PORT]}: enrols the
 * synthetic candidates (with impostors and persons enrolled twice) in the replica, then, when given, drives a running
 * {@code edge-agent exam} theory room and practical station with them. Last line: one JSON object
 * {@code {candidates, theory: {APPROVED, NOT_APPROVED, REFUSED_...}, practical: {...}, seconds}}.
 */
@Command(name = "cale", mixinStandardHelpOptions = true,
        description = "Enrol synthetic CALE candidates in a replica and drive running exam stations (edge-agent exam).")
public final class CaleCommand implements Callable<Integer> {

    @Option(names = "--registry", required = true, paramLabel = "DB", description = "Replica to enrol into (SQLite); give the same to edge-agent exam, started after.")
    Path registry;

    @Option(names = "--candidates", defaultValue = "20", paramLabel = "N", description = "Candidates (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Population and behaviour seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--theory", paramLabel = "HOST:PORT", description = "A cale-theory station's terminal port.")
    String theory;

    @Option(names = "--practical", paramLabel = "HOST:PORT", description = "A cale-practical station's console port.")
    String practical;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (candidates < 1 || candidates > 100_000) {
            err.println("cale: --candidates must be 1-100000, got " + candidates);
            return 2;
        }
        String[] t;
        String[] p;
        try {
            t = hostPort("--theory", theory);
            p = hostPort("--practical", practical);
        } catch (IllegalArgumentException e) {
            err.println("cale: " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        List<SyntheticCandidate> population = SyntheticCandidates.generate(seed, candidates, 0.1, 0.05);
        try (CivilRegistryReplica replica = CivilRegistryReplica.open(registry)) {
            SyntheticCandidates.enrol(replica, population);
            out.println("registry " + registry + ": " + replica.size() + " citizen(s)");
        } catch (IOException | IdentityException e) {
            err.println("cale: " + e.getMessage());
            return 1;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("candidates", candidates);
        if (t != null) {
            List<TerminalReply> replies = CaleScenario.theoryRoom(t[0], Integer.parseInt(t[1]), population, seed);
            summary.put("theory", CaleScenario.summary(replies));
            if (p != null) {
                List<SyntheticCandidate> passed = new ArrayList<>();
                for (int i = 0; i < replies.size(); i++) {
                    if ("APPROVED".equals(replies.get(i).verdict())) {
                        passed.add(population.get(i));
                    }
                }
                summary.put("practical", CaleScenario.summary(CaleScenario.practicalRoute(p[0], Integer.parseInt(p[1]), passed, seed)));
            }
        }
        summary.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
        out.println(new String(Json.write(summary), StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }

    private static String[] hostPort(String option, String value) {
        if (value == null) {
            return null;
        }
        String[] hp = value.split(":");
        if (hp.length != 2 || !hp[1].matches("[0-9]{1,5}") || Integer.parseInt(hp[1]) > 65535) {
            throw new IllegalArgumentException(option + " must be HOST:PORT, got " + value);
        }
        return hp;
    }
}
