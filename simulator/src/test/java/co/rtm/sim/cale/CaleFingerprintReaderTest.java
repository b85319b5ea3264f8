package co.rtm.sim.cale;

import co.rtm.agent.exam.Booking;
import co.rtm.agent.exam.CandidateIdentifier;
import co.rtm.agent.exam.CandidateTerminal;
import co.rtm.agent.exam.DeviceFingerprintSource;
import co.rtm.agent.exam.ExamOutcome;
import co.rtm.agent.exam.OutboxExamPublisher;
import co.rtm.agent.exam.StationRefusal;
import co.rtm.agent.exam.TheoryExamStation;
import co.rtm.agent.identity.CivilRegistryReplica;
import co.rtm.agent.instruments.fingerprint.FingerprintExtractor;
import co.rtm.agent.instruments.fingerprint.NetworkFingerprintReader;
import co.rtm.agent.outbox.Outbox;
import co.rtm.agent.outbox.OutboxConfig;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.exam.theory.DrawnQuestion;
import co.rtm.profiles.exam.theory.Question;
import co.rtm.profiles.exam.theory.QuestionBank;
import co.rtm.profiles.exam.theory.TheoryDrawer;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.sim.identity.SyntheticRegistry;
import co.rtm.sim.instruments.fingerprint.SimulatedFingerprintDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A theory exam whose fingerprints come from the fingerprint instrument, not the terminal: a simulated FPR1 sensor on
 * a loopback device server, the agent's NetworkFingerprintReader extracting the templates, the station identifying
 * against a real replica of synthetic persons. The genuine candidate passes, an impostor is refused, and a corrupted
 * frame (CRC mismatch) is a fault that suspends the sitting, never a match.
 */
class CaleFingerprintReaderTest {

    static final String IDENTITY = "RTM-Sim;FP-1;SIM-0001;0.1;2026-01-01;2026-12-31";
    static final QuestionBank BANK = QuestionBank.synthetic();
    /** Persons 1-4 are enrolled; person 8 is not. */
    static final long ENROLLED = 4;
    static final long STRANGER = 8;

    @TempDir
    Path dir;

    /** Ticks the device every 20 ms and writes what it says to each client in turn. */
    private static Thread serve(ServerSocket server, SimulatedFingerprintDevice device) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    device.connected();
                    while (!Thread.currentThread().isInterrupted()) {
                        out.write(device.tick(Instant.now()));
                        out.flush();
                        Thread.sleep(20);
                    }
                } catch (IOException | InterruptedException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }
        }, "fpr1 device server");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A candidate at the cubicle who answers every question right. */
    static final class RightAnswers implements CandidateTerminal {
        final DocumentId document;
        final List<StationRefusal> refusals = new ArrayList<>();
        final List<String> told = new ArrayList<>();

        RightAnswers(DocumentId document) {
            this.document = document;
        }

        @Override
        public Booking booking() {
            return new Booking(document, LicenceCategory.B1, Procedure.FIRST_ISSUE, "T-" + document.number());
        }

        @Override
        public String answer(int number, int total, Question question, DrawnQuestion shown) {
            return question.correct();
        }

        @Override
        public void tell(String message) { told.add(message); }

        @Override
        public void refused(StationRefusal refusal, String message) { refusals.add(refusal); }

        @Override
        public void suspended(String message) { told.add(message); }

        @Override
        public void result(ExamOutcome.Closed closed) { }
    }

    @Test
    void capturesFromTheFpr1ReaderIdentifyTheGenuineRefuseTheImpostorAndACorruptFrameIsAFault() throws Exception {
        SimulatedFingerprintDevice device = new SimulatedFingerprintDevice(IDENTITY, 7);
        try (CivilRegistryReplica replica = CivilRegistryReplica.open(dir.resolve("registry.db"));
             Outbox outbox = Outbox.open(dir.resolve("theory"), OutboxConfig.defaults());
             ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             DeviceFingerprintSource reader = new DeviceFingerprintSource(new NetworkFingerprintReader("127.0.0.1",
                     server.getLocalPort(), new FingerprintExtractor(), Duration.ofSeconds(15), Duration.ofMillis(100),
                     Clock.systemUTC()), Duration.ofSeconds(20))) {
            SyntheticRegistry.fill(replica, 1, ENROLLED, 2);
            Thread deviceServer = serve(server, device);
            reader.start();
            OutboxExamPublisher pub = new OutboxExamPublisher(outbox, "CALE-IBG", "T1", Ed25519Keys.generate("T1#1"), () -> { });
            TheoryExamStation room = new TheoryExamStation(Profiles.builtIn("cale-theory").orElseThrow(), BANK,
                    TheoryDrawer.newSeed(new SecureRandom()), new CandidateIdentifier(replica, pub, Clock.systemUTC(),
                    Profiles.builtIn("cale-theory").orElseThrow().identity().matchThreshold()), pub, Clock.systemUTC());
            DocumentId ana = SyntheticRegistry.document(1);

            // genuine: each prompt, person 1 puts the finger on the sensor; captures cross FPR1 over TCP
            RightAnswers genuine = new RightAnswers(ana);
            ExamOutcome passed = room.sit(genuine, reader.at(p -> device.present(1), p -> photo(1)));
            assertThat(passed).isInstanceOf(ExamOutcome.Closed.class);
            var m = ((ExamOutcome.Closed) passed).message();
            assertThat(m.claim().verdict()).isEqualTo(ExamVerdict.APPROVED);
            assertThat(m.identification().referenceHash()).isEqualTo(replica.referenceHash(ana).orElseThrow());
            assertThat(m.identification().templateHash()).isNotEqualTo(m.closingIdentification().templateHash());
            assertThat(outbox.pendingCount()).isEqualTo(1);

            // impostor: claims person 2's document with a finger that is in no enrolment
            DocumentId bea = SyntheticRegistry.document(2);
            RightAnswers impostor = new RightAnswers(bea);
            ExamOutcome refused = room.sit(impostor, reader.at(p -> device.present(STRANGER), p -> photo(STRANGER)));
            assertThat(refused).isInstanceOf(ExamOutcome.Refused.class);
            assertThat(((ExamOutcome.Refused) refused).refusal()).isEqualTo(StationRefusal.NO_MATCH);
            // and with the finger of person 3, who is enrolled under another document: an impersonation
            ExamOutcome other = room.sit(new RightAnswers(bea), reader.at(p -> device.present(3), p -> photo(3)));
            assertThat(((ExamOutcome.Refused) other).refusal()).isEqualTo(StationRefusal.IMPERSONATION);

            // a corrupted frame of bea's own finger: BAD_CHECKSUM, a fault, not a match; nothing is published
            long before = outbox.pendingCount();
            ExamOutcome corrupt = room.sit(new RightAnswers(bea), reader.at(p -> {
                device.corruptNextCapture();
                device.present(2);
            }, p -> photo(2)));
            assertThat(corrupt).isInstanceOf(ExamOutcome.Suspended.class);
            assertThat(outbox.pendingCount()).isEqualTo(before);
            // a clean capture afterwards identifies her
            ExamOutcome retry = room.sit(new RightAnswers(bea), reader.at(p -> device.present(2), p -> photo(2)));
            assertThat(retry).isInstanceOf(ExamOutcome.Closed.class);
            assertThat(outbox.pendingCount()).isEqualTo(before + 1);
            deviceServer.interrupt();
        }
    }

    private static byte[] photo(long person) {
        return ("photo of " + person + " at " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
    }
}
