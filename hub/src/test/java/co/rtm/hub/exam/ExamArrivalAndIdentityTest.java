package co.rtm.hub.exam;

import static co.rtm.hub.exam.ExamFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.store.TestDatabases;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.RejectReason;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two hub rules at their boundaries, on SQLite and PostgreSQL: the arrival at least 30 minutes before the booked turn
 * (art. 3.7.3.1.2: 30 minutes ahead is in time, 29 is late) and the practical identified against the same registry
 * reference as the candidate's passed theory exam (art. 3.7.3.2.1).
 */
class ExamArrivalAndIdentityTest {
    static final LicenceCategory B1 = LicenceCategory.B1;

    @TempDir
    Path dir;

    static java.util.stream.Stream<String> backends() {
        return TestDatabases.backends();
    }

    private interface Body {
        void run(ExamFixture f) throws Exception;
    }

    private void on(String backend, Body body) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(backend, dir)) {
            body.run(new ExamFixture(h.db()));
        }
    }

    private static String storedReason(ExamFixture f, Ack ack) throws Exception {
        return f.db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT reason_code FROM refusals WHERE message_id = ?")) {
                ps.setString(1, ack.messageId().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** A theory exam starting at the booked turn's start, the candidate arriving {@code minutesAhead} before it. */
    private static ExamMessage theoryArriving(ExamFixture f, DocumentId who, OffsetDateTime turn, int minutesAhead) {
        String id = f.book("CALE-1", who, B1, ExamPart.THEORY, false, turn);
        return ExamFixture.withArrival(f.theory("theory-1", "CALE-1", who, B1, id, turn, 0), turn.minusMinutes(minutesAhead));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void arriving30MinutesAheadIsInTimeAnd29IsLate(String backend) throws Exception {
        on(backend, f -> {
            DocumentId ana = DocumentId.parse("CC-7100001"), bea = DocumentId.parse("CC-7100002");
            f.certify(ana, B1, LocalDate.of(2026, 10, 1));
            f.certify(bea, B1, LocalDate.of(2026, 10, 1));
            Ack inTime = f.send(theoryArriving(f, ana, at("2026-11-02T08:00:00"), 30));
            assertThat(inTime.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(inTime.certificateNumber()).isNotNull();
            Ack late = f.send(theoryArriving(f, bea, at("2026-11-02T09:00:00"), 29));
            assertThat(late.status()).isEqualTo(AckStatus.REJECTED);
            assertThat(late.reason()).isEqualTo(RejectReason.EXAM_NOT_ELIGIBLE);
            assertThat(late.certificateNumber()).isNull();
            assertThat(storedReason(f, late)).isEqualTo("ARRIVED_LATE");
            // the late candidate's turn stays unused: arriving in time for a new turn is accepted
            Ack rebooked = f.send(theoryArriving(f, bea, at("2026-11-02T11:00:00"), 31));
            assertThat(rebooked.status()).isEqualTo(AckStatus.ACCEPTED);
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aPracticalIdentifiedAgainstAnotherReferenceThanTheTheoryIsRefused(String backend) throws Exception {
        on(backend, f -> {
            DocumentId ana = DocumentId.parse("CC-7200001"), bea = DocumentId.parse("CC-7200002");
            for (DocumentId d : java.util.List.of(ana, bea)) {
                f.certify(d, B1, LocalDate.of(2026, 10, 1));
                OffsetDateTime t = at("2026-11-02T0" + (d == ana ? 8 : 9) + ":00:00");
                assertThat(f.send(f.theory("theory-1", "CALE-1", d, B1,
                        f.book("CALE-1", d, B1, ExamPart.THEORY, false, t), t, 0)).status()).isEqualTo(AckStatus.ACCEPTED);
            }
            OffsetDateTime p = at("2026-11-10T08:00:00");
            Ack same = f.send(f.practical("practical-1", "CALE-1", ana, B1,
                    f.book("CALE-1", ana, B1, ExamPart.PRACTICAL, false, p), p, true));
            assertThat(same.status()).isEqualTo(AckStatus.ACCEPTED);

            ExamMessage other = ExamFixture.withReference(f.practical("practical-1", "CALE-1", bea, B1,
                    f.book("CALE-1", bea, B1, ExamPart.PRACTICAL, false, p.plusHours(1)), p.plusHours(1), true), "1".repeat(64));
            Ack mismatch = f.send(other);
            assertThat(mismatch.status()).isEqualTo(AckStatus.REJECTED);
            assertThat(mismatch.reason()).isEqualTo(RejectReason.EXAM_NOT_ELIGIBLE);
            assertThat(storedReason(f, mismatch)).isEqualTo(ExamReasons.IDENTITY_MISMATCH);
        });
    }
}
