package co.rtm.agent.exam;

import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.login.Prints;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.rules.YamlFiles;
import co.rtm.profiles.wire.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile's {@code identity.matchThreshold} decides: a genuine re-placed capture that the shipped profile (40)
 * accepts is refused by a profile just stricter than the score it actually reached; the reference hash is the
 * replica's enrolment, the same for every capture.
 */
class CandidateIdentifierThresholdTest {

    static final DocumentId DOC = new DocumentId("CC", "79123456");

    @TempDir
    Path dir;

    @Test
    void aStricterProfileRefusesACaptureTheDefaultAccepts() throws Exception {
        try (CivilRegistryReplica replica = CivilRegistryReplica.open(dir.resolve("registry.db"));
             Outbox outbox = Outbox.open(dir.resolve("out"), OutboxConfig.defaults())) {
            replica.enrolImage(DOC, "Ana Prueba", Prints.png(Prints.PERSON1), 500, null);
            OutboxExamPublisher pub = new OutboxExamPublisher(outbox, "CALE-1", "T1", Ed25519Keys.generate("T1#1"), () -> { });
            Capture moved = new Capture(Prints.png(Prints.PERSON1_AGAIN), 500, "photo".getBytes(StandardCharsets.UTF_8));

            StationProfile shipped = Profiles.builtIn("cale-theory").orElseThrow();
            CandidateIdentifier byDefault = new CandidateIdentifier(replica, pub, Clock.systemUTC(),
                    shipped.identity().matchThreshold());
            IdentityCheck accepted = byDefault.identify(DOC, moved);
            assertThat(accepted).isInstanceOf(IdentityCheck.Identified.class);
            var id = ((IdentityCheck.Identified) accepted).identification();
            assertThat(id.matchScore()).isGreaterThanOrEqualTo(40);
            assertThat(id.referenceHash()).isEqualTo(replica.referenceHash(DOC).orElseThrow());

            long stricter = (long) Math.floor(id.matchScore()) + 1;
            String yaml = YamlFiles.resource("/co/rtm/profiles/profiles/cale-theory.yaml")
                    .replace("matchThreshold: 40", "matchThreshold: " + stricter);
            StationProfile strict = Profiles.load("cale-theory.yaml", yaml);
            CandidateIdentifier byProfile = new CandidateIdentifier(replica, pub, Clock.systemUTC(),
                    strict.identity().matchThreshold());
            IdentityCheck refused = byProfile.identify(DOC, moved);
            assertThat(refused).isInstanceOf(IdentityCheck.Refused.class);
            assertThat(((IdentityCheck.Refused) refused).refusal()).isEqualTo(StationRefusal.NO_MATCH);
            assertThat(((IdentityCheck.Refused) refused).detail()).contains("below " + (double) stricter);

            // the exact capture of the enrolment still passes the strict profile
            assertThat(byProfile.identify(DOC, new Capture(Prints.png(Prints.PERSON1), 500, new byte[] {1})))
                    .isInstanceOf(IdentityCheck.Identified.class);
        }
    }
}
