package co.rtm.hub.exam;

import static co.rtm.hub.exam.ExamFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.ledger.LedgerReport;
import co.rtm.hub.ledger.LedgerVerifier;
import co.rtm.hub.store.TestDatabases;
import co.rtm.hub.supervision.Alert;
import co.rtm.hub.supervision.Alerts;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.ExamVerdict;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.person.DocumentId;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Ed25519Keys;
import co.rtm.profiles.wire.EventType;
import co.rtm.profiles.wire.ExamClaim;
import co.rtm.profiles.wire.ExamMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.StationEvent;
import co.rtm.profiles.wire.SigningKey;
import co.rtm.profiles.wire.Envelope;
import co.rtm.hub.transport.InboundMessage;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed exam messages through ingestion to the ledger on SQLite and PostgreSQL, at each boundary of the hub-side
 * rules: each refusal is answered REJECTED, stored with its own code, alerted, and takes no certificate number.
 */
class ExamIngestTest {
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

    private static DocumentId candidate(int n) {
        return DocumentId.parse("CC-7900" + n);
    }

    /** A candidate with certificates issued on 1 Oct 2026 and a theory exam at theory-1 with {@code wrong} wrong answers. */
    private static ExamMessage theory(ExamFixture f, DocumentId who, OffsetDateTime start, int wrong, boolean freeRetake) {
        String turn = f.book("CALE-1", who, B1, ExamPart.THEORY, freeRetake, start);
        return f.theory("theory-1", "CALE-1", who, B1, turn, start, wrong);
    }

    private static void assertRefused(ExamFixture f, Ack ack, RejectReason wire, String stored) throws Exception {
        assertThat(ack.status()).isEqualTo(AckStatus.REJECTED);
        assertThat(ack.reason()).isEqualTo(wire);
        assertThat(ack.certificateNumber()).isNull();
        assertThat(count(f, "SELECT COUNT(*) FROM refusals WHERE message_id = '" + ack.messageId() + "' AND reason_code = '"
                + stored + "' AND detail IS NOT NULL")).isEqualTo(1);
        assertThat(count(f, "SELECT COUNT(*) FROM alerts a JOIN refusals r ON r.id = a.refusal_id WHERE r.message_id = '"
                + ack.messageId() + "' AND a.kind = '" + stored + "'")).isEqualTo(1);
        assertThat(count(f, "SELECT COUNT(*) FROM results WHERE message_id = '" + ack.messageId() + "'")).isZero();
    }

    static long count(ExamFixture f, String sql) throws Exception {
        return f.db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static LedgerReport verify(ExamFixture f) {
        return new LedgerVerifier(f.db).verify().report();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void approvedExamsAreNumberedInTheirOwnSeriesRejectedOnesNotAndADuplicateGetsTheSameNumber(String backend) throws Exception {
        on(backend, f -> {
            DocumentId ana = candidate(1), bea = candidate(2), cid = candidate(3);
            for (DocumentId d : List.of(ana, bea, cid)) {
                f.certify(d, B1, LocalDate.of(2026, 10, 1));
            }
            ExamMessage first = theory(f, ana, at("2026-11-02T08:00:00"), 0, false);
            Ack a1 = f.send(first);
            Ack failed = f.send(theory(f, bea, at("2026-11-02T09:00:00"), 7, false));
            Ack a2 = f.send(theory(f, cid, at("2026-11-02T10:00:00"), 6, false));
            assertThat(List.of(a1.status(), failed.status(), a2.status())).containsOnly(AckStatus.ACCEPTED);
            assertThat(a1.certificateNumber()).isEqualTo(1L);
            assertThat(failed.certificateNumber()).isNull();
            assertThat(a2.certificateNumber()).isEqualTo(2L);
            assertThat(List.of(a1.furNumber() == null, failed.furNumber() == null, a2.furNumber() == null)).containsOnly(true);
            Ack again = f.send(f.inbound(first));
            assertThat(again.status()).isEqualTo(AckStatus.DUPLICATE);
            assertThat(again.certificateNumber()).isEqualTo(1L);
            assertThat(count(f, "SELECT COUNT(*) FROM exams")).isEqualTo(3);
            assertThat(count(f, "SELECT COUNT(*) FROM results WHERE certificate_kind = 'CALE' AND result_type = 'EXAM'")).isEqualTo(2);
            LedgerReport report = verify(f);
            assertThat(report.ok()).isTrue();
            assertThat(report.certificates()).isEqualTo(2);
            // verify-ledger sees a hole in the CALE series
            f.db.inTransaction(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "UPDATE counters SET next_value = next_value + 1 WHERE series = 'CERT:CALE'")) {
                    ps.executeUpdate();
                }
                return null;
            });
            assertThat(verify(f).certificateGaps()).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aClaimedPassWith23CorrectIsRefusedAndNumbersNothing(String backend) throws Exception {
        on(backend, f -> {
            DocumentId ana = candidate(1);
            f.certify(ana, B1, LocalDate.of(2026, 10, 1));
            String turn = f.book("CALE-1", ana, B1, ExamPart.THEORY, false, at("2026-11-02T08:00:00"));
            ExamMessage lie = f.theory("theory-1", "CALE-1", ana, B1, turn, at("2026-11-02T08:00:00"), 7, 40,
                    new ExamClaim(23, 30, ExamVerdict.APPROVED, List.of()));
            Ack ack = f.send(lie);
            assertRefused(f, ack, RejectReason.VERDICT_MISMATCH, "VERDICT_MISMATCH");
            // the same exam, honestly failed, is accepted and the next pass still takes certificate 1
            Ack honest = f.send(f.theory("theory-1", "CALE-1", ana, B1, turn, at("2026-11-02T08:00:00"), 7, 40, null));
            assertThat(honest.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(honest.certificateNumber()).isNull();
            assertThat(verify(f).ok()).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aFreeTheoryRetakeIsAllowedOnDay10AndRefusedOnDay11(String backend) throws Exception {
        on(backend, f -> {
            DocumentId ana = candidate(1), bea = candidate(2);
            for (DocumentId d : List.of(ana, bea)) {
                f.certify(d, B1, LocalDate.of(2026, 10, 20));
                // failed, closing 23:30 Bogotá on 2 Nov (04:30 UTC on the 3rd): day 0 is 2 Nov
                assertThat(f.send(theory(f, d, at("2026-11-02T22:45:00"), 9, false)).status()).isEqualTo(AckStatus.ACCEPTED);
            }
            Ack day10 = f.send(theory(f, ana, at("2026-11-12T23:00:00"), 0, true));
            assertThat(day10.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(day10.certificateNumber()).isEqualTo(1L);
            Ack day11 = f.send(theory(f, bea, at("2026-11-13T07:00:00"), 0, true));
            assertRefused(f, day11, RejectReason.EXAM_NOT_ELIGIBLE, "FREE_RETAKE_EXPIRED");
            // the free retake is used: a second one is refused
            Ack second = f.send(theory(f, ana, at("2026-11-13T08:00:00"), 0, true));
            assertRefused(f, second, RejectReason.EXAM_NOT_ELIGIBLE, "NO_FAILED_EXAM_TO_RETAKE");
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void thePracticalNeedsAPassedTheoryWithin30DaysAtTheSameCale(String backend) throws Exception {
        on(backend, f -> {
            DocumentId ana = candidate(1), bea = candidate(2), cid = candidate(3), dan = candidate(4);
            for (DocumentId d : List.of(ana, bea, cid, dan)) {
                f.certify(d, B1, LocalDate.of(2026, 10, 20));
            }
            int hour = 15;
            for (DocumentId d : List.of(ana, bea, cid)) {
                // passed on 1 Nov, one after the other: day 0
                assertThat(f.send(theory(f, d, at("2026-11-01T" + hour++ + ":00:00"), 0, false)).status())
                        .isEqualTo(AckStatus.ACCEPTED);
            }
            Ack day30 = f.send(f.practical("practical-1", "CALE-1", ana, B1,
                    f.book("CALE-1", ana, B1, ExamPart.PRACTICAL, false, at("2026-12-01T23:00:00")), at("2026-12-01T23:00:00"), true));
            assertThat(day30.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(day30.certificateNumber()).isEqualTo(4L);
            Ack day31 = f.send(f.practical("practical-1", "CALE-1", bea, B1,
                    f.book("CALE-1", bea, B1, ExamPart.PRACTICAL, false, at("2026-12-02T07:00:00")), at("2026-12-02T07:00:00"), true));
            assertRefused(f, day31, RejectReason.EXAM_NOT_ELIGIBLE, "THEORY_WINDOW_EXPIRED");
            Ack otherCale = f.send(f.practical("practical-9", "CALE-2", cid, B1,
                    f.book("CALE-2", cid, B1, ExamPart.PRACTICAL, false, at("2026-11-10T08:00:00")), at("2026-11-10T08:00:00"), true));
            assertRefused(f, otherCale, RejectReason.EXAM_NOT_ELIGIBLE, "OTHER_CALE");
            Ack noTheory = f.send(f.practical("practical-1", "CALE-1", dan, B1,
                    f.book("CALE-1", dan, B1, ExamPart.PRACTICAL, false, at("2026-11-10T08:00:00")), at("2026-11-10T08:00:00"), true));
            assertRefused(f, noTheory, RejectReason.EXAM_NOT_ELIGIBLE, "THEORY_NOT_PASSED");
            assertThat(verify(f).ok()).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aMissingOrExpiredCrcCertificateIsRefused(String backend) throws Exception {
        on(backend, f -> {
            DocumentId ana = candidate(1), bea = candidate(2), cid = candidate(3);
            Ack none = f.send(theory(f, ana, at("2026-11-02T08:00:00"), 0, false));
            assertRefused(f, none, RejectReason.EXAM_NOT_ELIGIBLE, "CRC_CERTIFICATE_MISSING");
            // CRC issued 2 May 2026: last valid day 1 Nov 2026 (6 months, art. 3.4.4.11)
            f.certify(bea, B1, LocalDate.of(2026, 5, 2));
            f.certify(cid, B1, LocalDate.of(2026, 5, 2));
            assertThat(f.send(theory(f, cid, at("2026-11-01T08:00:00"), 0, false)).status()).isEqualTo(AckStatus.ACCEPTED);
            Ack expired = f.send(theory(f, bea, at("2026-11-02T08:00:00"), 0, false));
            assertRefused(f, expired, RejectReason.EXAM_NOT_ELIGIBLE, "CRC_CERTIFICATE_EXPIRED");
            // a certificate for another category does not count
            f.certify(ana, LicenceCategory.A2, LocalDate.of(2026, 10, 1));
            assertRefused(f, f.send(theory(f, ana, at("2026-11-03T08:00:00"), 0, false)), RejectReason.EXAM_NOT_ELIGIBLE,
                    "CRC_CERTIFICATE_MISSING");
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theoryExamsAtOnceAreLimitedByTheCalesTheoryStations(String backend) throws Exception {
        on(backend, f -> {
            DocumentId ana = candidate(1), bea = candidate(2), cid = candidate(3), dan = candidate(4);
            for (DocumentId d : List.of(ana, bea, cid, dan)) {
                f.certify(d, B1, LocalDate.of(2026, 10, 20));
            }
            // CALE-1 has 2 theory stations; exams last 45 minutes
            String t1 = f.book("CALE-1", ana, B1, ExamPart.THEORY, false, at("2026-11-02T08:00:00"));
            assertThat(f.send(f.theory("theory-1", "CALE-1", ana, B1, t1, at("2026-11-02T08:00:00"), 0)).status())
                    .isEqualTo(AckStatus.ACCEPTED);
            String t2 = f.book("CALE-1", bea, B1, ExamPart.THEORY, false, at("2026-11-02T08:10:00"));
            assertThat(f.send(f.theory("theory-2", "CALE-1", bea, B1, t2, at("2026-11-02T08:10:00"), 0)).status())
                    .isEqualTo(AckStatus.ACCEPTED);
            // the third at 08:30 overlaps both
            String t3 = f.book("CALE-1", cid, B1, ExamPart.THEORY, false, at("2026-11-02T08:30:00"));
            Ack third = f.send(f.theory("theory-1", "CALE-1", cid, B1, t3, at("2026-11-02T08:30:00"), 0));
            assertRefused(f, third, RejectReason.CAPACITY_EXCEEDED, "CAPACITY_EXCEEDED");
            // at 08:45 the first has closed: two at once again
            String t4 = f.book("CALE-1", dan, B1, ExamPart.THEORY, false, at("2026-11-02T08:45:00"));
            assertThat(f.send(f.theory("theory-1", "CALE-1", dan, B1, t4, at("2026-11-02T08:45:00"), 0)).status())
                    .isEqualTo(AckStatus.ACCEPTED);
            // a third theory station raises the capacity
            f.station("theory-3", "CALE-1", "cale-theory@1");
            String t5 = f.book("CALE-1", cid, B1, ExamPart.THEORY, false, at("2026-11-02T08:50:00"));
            assertThat(f.send(f.theory("theory-3", "CALE-1", cid, B1, t5, at("2026-11-02T08:50:00"), 0)).status())
                    .isEqualTo(AckStatus.ACCEPTED);
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void bookingsDrawSeatsAndSignaturesAreChecked(String backend) throws Exception {
        on(backend, f -> {
            DocumentId ana = candidate(1), bea = candidate(2);
            f.certify(ana, B1, LocalDate.of(2026, 10, 20));
            f.certify(bea, B1, LocalDate.of(2026, 10, 20));
            OffsetDateTime start = at("2026-11-02T08:00:00");
            assertRefused(f, f.send(f.theory("theory-1", "CALE-1", ana, B1, "T-none", start, 0)),
                    RejectReason.EXAM_NOT_ELIGIBLE, "BOOKING_NOT_FOUND");
            String beasTurn = f.book("CALE-1", bea, B1, ExamPart.THEORY, false, start);
            assertRefused(f, f.send(f.theory("theory-1", "CALE-1", ana, B1, beasTurn, start, 0)),
                    RejectReason.EXAM_NOT_ELIGIBLE, "BOOKING_MISMATCH");
            ExamMessage first = f.theory("theory-1", "CALE-1", bea, B1, beasTurn, start, 0, 77, null);
            assertThat(f.send(first).status()).isEqualTo(AckStatus.ACCEPTED);
            assertRefused(f, f.send(f.theory("theory-2", "CALE-1", bea, B1, beasTurn, start.plusHours(1), 0)),
                    RejectReason.EXAM_NOT_ELIGIBLE, "BOOKING_ALREADY_USED");
            String anasTurn = f.book("CALE-1", ana, B1, ExamPart.THEORY, false, start.plusHours(2));
            assertRefused(f, f.send(f.theory("theory-2", "CALE-1", ana, B1, anasTurn, start.plusHours(2), 0, 77, null)),
                    RejectReason.EXAM_NOT_ELIGIBLE, "DRAW_SEAT_REUSED");
            // signed by theory-2 but claiming theory-1's key: the signature does not verify
            ExamMessage forged = f.theory("theory-1", "CALE-1", ana, B1, anasTurn, start.plusHours(2), 0);
            SigningKey other = Ed25519Keys.generate("theory-1#1");
            assertRefused(f, f.send(f.inbound(forged, other)), RejectReason.BAD_SIGNATURE, "BAD_SIGNATURE");
            // theory-2's own key on theory-1's topic
            assertRefused(f, f.send(f.inbound(forged, f.keys.get("theory-2"))), RejectReason.TOPIC_MISMATCH, "TOPIC_MISMATCH");
            // a practical station may not send a theory exam
            f.seqs.put("practical-1", 0L);
            ExamMessage fromPractical = f.theory("practical-1", "CALE-1", ana, B1, anasTurn, start.plusHours(2), 0);
            assertRefused(f, f.send(fromPractical), RejectReason.EXAM_NOT_ELIGIBLE, "EXAM_STATION_NOT_CALE");
            // and theory-1 sending the honest exam is accepted
            assertThat(f.send(f.theory("theory-1", "CALE-1", ana, B1, anasTurn, start.plusHours(2), 0)).status())
                    .isEqualTo(AckStatus.ACCEPTED);
            assertThat(verify(f).ok()).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aNoShowIsABookingPastItsTimeWithoutAnExam(String backend) throws Exception {
        on(backend, f -> {
            DocumentId ana = candidate(1), bea = candidate(2);
            f.certify(ana, B1, LocalDate.of(2026, 10, 20));
            String examined = f.book("CALE-1", ana, B1, ExamPart.THEORY, false, at("2026-11-02T08:00:00"));
            String missed = f.book("CALE-1", bea, B1, ExamPart.THEORY, false, at("2026-11-02T09:00:00"));
            String future = f.book("CALE-1", bea, B1, ExamPart.THEORY, false, OffsetDateTime.now().plusDays(3));
            f.send(f.theory("theory-1", "CALE-1", ana, B1, examined, at("2026-11-02T08:00:00"), 0));
            List<Bookings.Turn> all = f.bookings.list("CALE-1", Instant.EPOCH, Instant.now().plusSeconds(10 * 86400), false, 100);
            assertThat(all).extracting(t -> t.booking().turnId()).containsExactly(examined, missed, future);
            assertThat(all).extracting(Bookings.Turn::noShow).containsExactly(false, true, false);
            assertThat(f.bookings.list(null, Instant.EPOCH, Instant.now().plusSeconds(10 * 86400), true, 100))
                    .extracting(t -> t.booking().turnId()).containsExactly(missed);
            assertThat(count(f, "SELECT COUNT(*) FROM audit_log WHERE kind = 'EXAM_TURN_BOOKED'")).isEqualTo(3);
            assertThat(count(f, "SELECT COUNT(*) FROM audit_log WHERE kind = 'CANDIDATE_CERTIFICATE_RECORDED'")).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anImpersonationEventRaisesAnAlertWithBothDocuments(String backend) throws Exception {
        on(backend, f -> {
            MessageHeader h = new MessageHeader(UUID.randomUUID(), "CALE-1", "theory-1", 1, "boot-1", at("2026-11-02T08:01:00"));
            StationEvent e = StationEvent.of(h, EventType.IMPERSONATION, Map.of("presentedDocument", "CC-79001",
                    "enrolledDocument", "CC-52999888", "capturedAt", "2026-11-02T07:58:00-05:00"));
            InboundMessage in = new InboundMessage("runt/v1/CALE-1/theory-1/event",
                    Envelope.sign(Json.write(e), "event", f.keys.get("theory-1")), Optional.empty(), Optional.empty(), false);
            assertThat(f.send(in).status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(f.send(in).status()).isEqualTo(AckStatus.DUPLICATE);
            List<Alert> alerts = new Alerts(f.db, Clock.systemUTC()).list(true, 10, 0);
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo("IMPERSONATION");
                assertThat(a.stationId()).isEqualTo("theory-1");
                assertThat(a.detail()).startsWith("HIGH:").contains("CC-79001", "CC-52999888", "2026-11-02T07:58-05:00");
            });
            // without the enrolled document it is refused as malformed
            MessageHeader h2 = new MessageHeader(UUID.randomUUID(), "CALE-1", "theory-1", 2, "boot-1", at("2026-11-02T08:02:00"));
            StationEvent bad = StationEvent.of(h2, EventType.IMPERSONATION, Map.of("presentedDocument", "CC-79001",
                    "capturedAt", "2026-11-02T07:58:00-05:00"));
            Ack refused = f.send(new InboundMessage("runt/v1/CALE-1/theory-1/event",
                    Envelope.sign(Json.write(bad), "event", f.keys.get("theory-1")), Optional.empty(), Optional.empty(), false));
            assertThat(refused.reason()).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
        });
    }
}
