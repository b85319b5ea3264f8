package co.rtm.sim.identity;

import co.rtm.agent.identity.Candidate;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.identity.Verification;
import co.rtm.profiles.person.DocumentId;
import co.rtm.sim.instruments.fingerprint.SyntheticCaptures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replica against 20 synthetic persons (SQLite file built once for the class): genuine captures in several
 * placements match, impostors do not, corner crops are LOW_QUALITY, heavy noise never matches, and 1:N finds a finger
 * enrolled a second time under another document.
 */
class SyntheticIdentityTest {

    private static final int PERSONS = 20;

    @TempDir
    static Path dir;

    private static Path db;

    @BeforeAll
    static void registry() throws Exception {
        db = dir.resolve("replica.db");
        try (CivilRegistryReplica r = CivilRegistryReplica.open(db)) {
            assertThat(SyntheticRegistry.fill(r, 1, PERSONS, 2)).isEqualTo(PERSONS);
        }
    }

    @Test
    void genuineCapturesInSeveralPlacementsMatch() throws Exception {
        try (CivilRegistryReplica r = CivilRegistryReplica.open(db)) {
            assertThat(r.size()).isEqualTo(PERSONS);
            for (long p = 1; p <= PERSONS; p++) {
                for (int attempt = 1; attempt <= 3; attempt++) {
                    assertThat(r.verifyImage(SyntheticRegistry.document(p), SyntheticCaptures.genuine(p, attempt), 500))
                            .as("person %d attempt %d", p, attempt).isInstanceOf(Verification.Match.class);
                }
            }
        }
    }

    @Test
    void impostorsAndHeavyNoiseDoNotMatchCornerCropsAreLowQuality() throws Exception {
        try (CivilRegistryReplica r = CivilRegistryReplica.open(db)) {
            for (long p = 1; p <= PERSONS; p++) {
                DocumentId claimed = SyntheticRegistry.document(p);
                assertThat(r.verifyImage(claimed, SyntheticCaptures.impostor(p, 1), 500)).as("impostor for %d", p)
                        .isInstanceOf(Verification.NoMatch.class);
                // a genuine enrolled person presenting the next person's document
                long other = p % PERSONS + 1;
                assertThat(r.verifyImage(SyntheticRegistry.document(other), SyntheticCaptures.genuine(p, 2), 500))
                        .as("person %d claiming %d", p, other).isInstanceOf(Verification.NoMatch.class);
                assertThat(r.verifyImage(claimed, SyntheticCaptures.lowQuality(p, (int) p), 500)).as("crop of %d", p)
                        .isInstanceOf(Verification.LowQuality.class);
                assertThat(r.verifyImage(claimed, SyntheticCaptures.noisy(p, 1), 500)).as("noisy %d", p)
                        .isNotInstanceOf(Verification.Match.class);
            }
        }
    }

    @Test
    void oneToManyFindsTheSameFingerUnderASecondDocument() throws Exception {
        Path copy = dir.resolve("impersonation.db");
        DocumentId alias = DocumentId.parse("CC-7000007");
        try (CivilRegistryReplica r = CivilRegistryReplica.open(copy)) {
            SyntheticRegistry.fill(r, 1, PERSONS, 2);
            // person 7 enrolled again under another document, from another capture of the same finger
            r.enrolImage(alias, "Otro Nombre", SyntheticCaptures.genuine(7, 50), 500, null);

            List<Candidate> hits = r.search(r.captures().fromImage(SyntheticCaptures.genuine(7, 9), 500));
            assertThat(hits).extracting(Candidate::document)
                    .containsExactlyInAnyOrder(SyntheticRegistry.document(7), alias);
            assertThat(r.search(r.captures().fromImage(SyntheticCaptures.genuine(8, 9), 500)))
                    .extracting(Candidate::document).containsExactly(SyntheticRegistry.document(8));
            assertThat(r.search(r.captures().fromImage(SyntheticCaptures.impostor(8, 9), 500))).isEmpty();
        }
    }
}
