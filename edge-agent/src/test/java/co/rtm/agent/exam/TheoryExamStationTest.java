package co.rtm.agent.exam;

import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.login.Prints;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.profiles.exam.theory.DrawnQuestion;
import co.rtm.profiles.exam.theory.Question;
import co.rtm.profiles.exam.theory.QuestionBank;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The theory workflow in process with a real replica and outbox: the blueprint's duration running out suspends the
 * exam, and only a new identification restarts it, on a new seat.
 */
class TheoryExamStationTest {

    static final DocumentId DOC = new DocumentId("CC", "79123456");

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-11-30T13:00:00Z");

        @Override
        public ZoneId getZone() { return ZoneOffset.ofHours(-5); }

        @Override
        public Clock withZone(ZoneId zone) { return this; }

        @Override
        public Instant instant() { return now; }

        void advance(Duration d) { now = now.plus(d); }
    }

    /** Answers option 1 of each question; moves the clock {@code jump} at question {@code jumpAt}. */
    static final class ScriptedTerminal implements CandidateTerminal {
        final StepClock clock;
        final int jumpAt;
        final Duration jump;
        final List<String> shown = new ArrayList<>();
        final List<StationRefusal> refusals = new ArrayList<>();
        String suspension;
        ExamOutcome.Closed result;

        ScriptedTerminal(StepClock clock, int jumpAt, Duration jump) {
            this.clock = clock;
            this.jumpAt = jumpAt;
            this.jump = jump;
        }

        @Override
        public Booking booking() {
            return new Booking(DOC, co.rtm.profiles.exam.LicenceCategory.B1, co.rtm.profiles.exam.Procedure.FIRST_ISSUE, "T-1");
        }

        @Override
        public String answer(int number, int total, Question question, DrawnQuestion q) {
            shown.add(q.id());
            clock.advance(number == jumpAt ? jump : Duration.ofSeconds(30));
            return q.optionOrder().get(0);
        }

        @Override
        public void tell(String message) { }

        @Override
        public void refused(StationRefusal refusal, String message) { refusals.add(refusal); }

        @Override
        public void suspended(String message) { suspension = message; }

        @Override
        public void result(ExamOutcome.Closed closed) { result = closed; }
    }

    static FingerprintSource fingers(StepClock clock, String... images) {
        int[] k = {0};
        return prompt -> {
            clock.advance(Duration.ofSeconds(5));
            String name = images[Math.min(k[0]++, images.length - 1)];
            return new Capture(Prints.png(name), 500, ("photo " + name).getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void runningOutOfTimeSuspendsAndOnlyANewIdentificationRestartsOnANewSeat() throws Exception {
        StepClock clock = new StepClock();
        try (CivilRegistryReplica replica = CivilRegistryReplica.open(dir.resolve("registry.db"));
             Outbox outbox = Outbox.open(dir.resolve("out"), OutboxConfig.defaults())) {
            replica.enrolImage(DOC, "Ana Prueba", Prints.png(Prints.PERSON1), 500, null);
            OutboxExamPublisher pub = new OutboxExamPublisher(outbox, "CALE-1", "T1", Ed25519Keys.generate("T1#1"), () -> { });
            TheoryExamStation room = new TheoryExamStation(Profiles.builtIn("cale-theory").orElseThrow(), QuestionBank.synthetic(),
                    TheoryDrawer.newSeed(new SecureRandom()), new CandidateIdentifier(replica, pub, clock), pub, clock);

            ScriptedTerminal first = new ScriptedTerminal(clock, 10, Duration.ofMinutes(61));
            ExamOutcome o1 = room.sit(first, fingers(clock, Prints.PERSON1_AGAIN));
            assertThat(o1).isInstanceOf(ExamOutcome.Suspended.class);
            assertThat(first.shown).hasSize(10);
            assertThat(first.suspension).contains("tiempo agotado");
            assertThat(room.isSuspended(DOC)).isTrue();
            assertThat(outbox.pendingCount()).isZero();

            // the capture from before the suspension, replayed, is refused
            ScriptedTerminal replay = new ScriptedTerminal(clock, 0, Duration.ZERO);
            ExamOutcome o2 = room.sit(replay, fingers(clock, Prints.PERSON1_AGAIN));
            assertThat(o2).isEqualTo(new ExamOutcome.Refused(StationRefusal.NEW_IDENTIFICATION_REQUIRED,
                    ((ExamOutcome.Refused) o2).detail()));
            assertThat(replay.shown).isEmpty();

            // an impostor's finger does not resume it either
            ScriptedTerminal impostor = new ScriptedTerminal(clock, 0, Duration.ZERO);
            assertThat(room.sit(impostor, fingers(clock, Prints.PERSON2))).isInstanceOf(ExamOutcome.Refused.class);
            assertThat(impostor.refusals).containsExactly(StationRefusal.NO_MATCH);
            assertThat(room.isSuspended(DOC)).isTrue();

            // a new capture resumes on a new seat; a wrong closing finger is refused, the right one closes
            ScriptedTerminal again = new ScriptedTerminal(clock, 0, Duration.ZERO);
            ExamOutcome o3 = room.sit(again, fingers(clock, Prints.PERSON1, Prints.PERSON2, Prints.PERSON1_AGAIN));
            assertThat(o3).isInstanceOf(ExamOutcome.Closed.class);
            assertThat(again.refusals).containsExactly(StationRefusal.CLOSING_MISMATCH);
            assertThat(again.shown).hasSize(30).isNotEqualTo(first.shown.subList(0, 10));
            var m = ((ExamOutcome.Closed) o3).message();
            assertThat(m.theory().seat()).isEqualTo(1);
            assertThat(m.candidate()).isEqualTo(DOC);
            // the arrival is the first identification, before the suspension, not the resuming one
            assertThat(m.arrivedAt()).isBefore(m.identification().at());
            assertThat(room.isSuspended(DOC)).isFalse();
            assertThat(outbox.pendingCount()).isEqualTo(1);
        }
    }
}
