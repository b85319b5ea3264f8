package co.rtm.sim.cale;

import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.identity.CivilRegistryReplica.Enrolment;
import co.rtm.agent.identity.IdentityException;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;
import co.rtm.sim.identity.SyntheticRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible population of CALE candidates over synthetic persons {@code 1..n} (person {@code i} holds
 * {@link SyntheticRegistry#document(long)}), and the replica rows it needs:
 * <ul>
 * <li>GENUINE: person {@code i} with document {@code i}, knowledge drawn around 0.85;</li>
 * <li>IMPOSTOR: person {@code i}'s finger with the document of another enrolled person {@code j};</li>
 * <li>ENROLLED_TWICE: person {@code i} enrolled under document {@code i} and under a second document
 *     {@link #secondDocument(long)}, presenting document {@code i}.</li>
 * </ul>
 */
public final class SyntheticCandidates {

    private static final LicenceCategory[] CATEGORIES = {LicenceCategory.B1, LicenceCategory.B1, LicenceCategory.A2,
            LicenceCategory.C1, LicenceCategory.A1, LicenceCategory.B2};

    private SyntheticCandidates() {
    }

    /** The second document under which an ENROLLED_TWICE person was also enrolled. */
    public static DocumentId secondDocument(long personId) {
        return new DocumentId("CC", Long.toString(2_000_000_000L + personId));
    }

    /**
     * {@code n} candidates over persons 1..n: about {@code impostorShare} impostors and {@code twiceShare} enrolled
     * twice, the rest genuine.
     */
    public static List<SyntheticCandidate> generate(long seed, int n, double impostorShare, double twiceShare) {
        Random rnd = new Random(seed);
        List<SyntheticCandidate> out = new ArrayList<>(n);
        for (long i = 1; i <= n; i++) {
            double knowledge = Math.max(0.3, Math.min(1.0, 0.85 + rnd.nextGaussian() * 0.1));
            LicenceCategory cat = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
            double r = rnd.nextDouble();
            if (r < impostorShare && n > 1) {
                long victim = i == n ? 1 : i + 1;
                out.add(new SyntheticCandidate(SyntheticRegistry.document(victim), cat, i, knowledge,
                        SyntheticCandidate.Kind.IMPOSTOR));
            } else if (r < impostorShare + twiceShare) {
                out.add(new SyntheticCandidate(SyntheticRegistry.document(i), cat, i, knowledge,
                        SyntheticCandidate.Kind.ENROLLED_TWICE));
            } else {
                out.add(new SyntheticCandidate(SyntheticRegistry.document(i), cat, i, knowledge,
                        SyntheticCandidate.Kind.GENUINE));
            }
        }
        return out;
    }

    /** Enrols every person 1..max(person) once, and the ENROLLED_TWICE ones again under their second document. */
    public static void enrol(CivilRegistryReplica replica, List<SyntheticCandidate> candidates)
            throws IOException, IdentityException, InterruptedException {
        long max = candidates.stream().mapToLong(SyntheticCandidate::fingerPerson).max().orElse(0);
        SyntheticRegistry.fill(replica, 1, max, Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<Enrolment> twice = new ArrayList<>();
        for (SyntheticCandidate c : candidates) {
            DocumentId second = secondDocument(c.fingerPerson());
            if (c.kind() == SyntheticCandidate.Kind.ENROLLED_TWICE && !replica.isEnrolled(second)) {
                twice.add(new Enrolment(second, "Persona Duplicada " + c.fingerPerson(),
                        SyntheticRegistry.template(replica.captures(), c.fingerPerson()),
                        CivilRegistryReplica.photoSha256(("photo of " + c.fingerPerson()).getBytes(StandardCharsets.UTF_8))));
            }
        }
        if (!twice.isEmpty()) {
            replica.enrolAll(twice);
        }
    }
}
