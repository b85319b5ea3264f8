package co.rtm.sim.identity;

import co.rtm.agent.identity.Captures;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.identity.CivilRegistryReplica.Enrolment;
import co.rtm.agent.identity.IdentityException;
import co.rtm.profiles.person.DocumentId;
import co.rtm.sim.instruments.fingerprint.SyntheticFingerprints;
import co.rtm.sim.instruments.fingerprint.SyntheticFingerprints.Placement;
import com.machinezoo.sourceafis.FingerprintTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A civil registry replica of synthetic persons 1..N: person {@code i} holds document {@link #document(long)}, is
 * named "Persona Sintética i", and is enrolled with the template of their finger placed exactly
 * ({@link Placement#EXACT}), extracted from the image as a real enrolment would be. Extraction costs about 0.1 s a
 * person on this machine's cores (image synthesis about half of it), so templates are made on several threads and
 * written in batches of {@value #BATCH} per transaction.
 */
public final class SyntheticRegistry {

    static final int BATCH = 500;
    /** Documents are CC numbers from here on: person 1 is CC-1000000001. */
    public static final long FIRST_DOCUMENT = 1_000_000_000L;

    private SyntheticRegistry() {}

    public static DocumentId document(long personId) {
        return new DocumentId("CC", Long.toString(FIRST_DOCUMENT + personId));
    }

    /** The enrolment template of {@code personId}. */
    public static FingerprintTemplate template(Captures captures, long personId) throws IdentityException {
        byte[] png = SyntheticFingerprints.png(personId, Placement.EXACT);
        return captures.fromImage(png, SyntheticFingerprints.DPI);
    }

    /**
     * Enrols persons {@code from..to} (inclusive) that the replica does not hold yet, on {@code threads} threads.
     *
     * @return how many were enrolled
     */
    public static int fill(CivilRegistryReplica replica, long from, long to, int threads)
            throws IOException, IdentityException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int enrolled = 0;
        try {
            for (long start = from; start <= to; start += BATCH) {
                List<Future<Enrolment>> batch = new ArrayList<>();
                for (long id = start; id <= Math.min(to, start + BATCH - 1); id++) {
                    long person = id;
                    if (replica.isEnrolled(document(person))) {
                        continue;
                    }
                    batch.add(pool.submit(() -> new Enrolment(document(person), "Persona Sintética " + person,
                            template(replica.captures(), person),
                            CivilRegistryReplica.photoSha256(("photo of " + person).getBytes(StandardCharsets.UTF_8)))));
                }
                List<Enrolment> rows = new ArrayList<>();
                for (Future<Enrolment> f : batch) {
                    try {
                        rows.add(f.get());
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof IdentityException ie) {
                            throw ie;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                }
                replica.enrolAll(rows);
                enrolled += rows.size();
            }
        } finally {
            pool.shutdownNow();
        }
        return enrolled;
    }
}
