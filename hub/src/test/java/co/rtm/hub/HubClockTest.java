package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.mobile.Schedules;
import co.rtm.hub.mobile.Stay;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.tracks.FixCounts;
import co.rtm.hub.tracks.TrackPoint;
import co.rtm.hub.tracks.TrackReader;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.tracks.TrackBatch;
import co.rtm.profiles.tracks.TrackFix;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.InspectionMessage;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.RejectReason;
import co.rtm.profiles.wire.TopicKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub started on a clock of its own (the simulator's compressed time) judges by it: track fixes months before the
 * real date are fresh, fixes older than 30 days by that clock are stale, a mobile line's inspection is accepted on
 * the track, and a fixed CDA's arrival gives the line 30 days counted from the hub's date.
 */
class HubClockTest {
    /** Months before this code was written: by the real clock every fix below is older than the 30-day window. */
    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    static final String LINE = "MOB-CLK";
    static final String MITU = "97001";
    /** Mitú town. */
    static final double LAT = 1.2538;
    static final double LON = -70.2345;

    @TempDir
    Path dir;

    @Test
    void aHubOnAnOffsetClockJudgesTracksAndSchedulesByIt() throws Exception {
        assertThat(Duration.between(NOW, Instant.now())).isGreaterThan(Duration.ofDays(31));
        HubHome.init(dir);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
        try (HubServer hub = HubServer.start(HubConfig.embedded(dir, 0), co.rtm.hub.tracks.TrackLimits.defaults(), clock)) {
            assertThat(Duration.between(hub.clock().instant(), NOW).abs()).isLessThan(Duration.ofMinutes(1));
            hub.registry().createCenter(LINE, CenterKind.MOBILE, "Linea movil reloj", "M777");
            Schedules schedules = new Schedules(hub.database(), hub.clock(), Municipalities.colombia());
            schedules.add(LINE, MITU, LocalDate.parse("2026-02-20"), LocalDate.parse("2026-03-31"));
            try (TestLane lane = new TestLane(hub.provision(LINE, "clk-1", "cda-light-mobile"), hub.mqttUrl())) {
                Instant inTown = NOW.minus(Duration.ofMinutes(20));
                Instant tooOld = NOW.minus(Duration.ofDays(31));
                TrackBatch batch = TrackBatch.of(header(lane, 1), List.of(
                        new TrackFix(tooOld, LAT, LON, null, null, null, 0.9, 9, 1),
                        new TrackFix(inTown, LAT, LON, null, null, null, 0.9, 9, 1),
                        new TrackFix(inTown.plusSeconds(60), LAT, LON + 0.0001, null, null, null, 0.9, 9, 1)));
                UUID trackId = batch.messageId();
                Ack trackAck = lane.sendOn(lane.topic(TopicKind.TRACK), Envelope.sign(Json.write(batch), TrackBatch.TYPE,
                        lane.key), trackId);
                assertThat(trackAck.status()).isEqualTo(AckStatus.ACCEPTED);
                TrackReader track = new TrackReader(hub.database());
                // accepted, stale, by the hub's clock: FixCounts(received, accepted, duplicate, future, stale, jump)
                assertThat(track.batch(trackId)).contains(new FixCounts(3, 2, 0, 0, 1, 0));
                assertThat(track.latestFixAt("clk-1", NOW)).map(TrackPoint::deviceTime).contains(inTown.plusSeconds(60));

                // started 15 min ago in Mitú on a scheduled day: the ledger finds the fix and accepts
                Ack accepted = lane.send(inspection(lane, 2, NOW.minus(Duration.ofMinutes(15))), UUID.randomUUID());
                assertThat(accepted.status()).isEqualTo(AckStatus.ACCEPTED);
                // a day before the schedule: refused on the schedule, not on the real date
                Ack early = lane.send(inspection(lane, 3, Instant.parse("2026-02-19T15:00:00Z")), UUID.randomUUID());
                assertThat(early.reason()).isEqualTo(RejectReason.NOT_IN_SCHEDULED_MUNICIPALITY);
            }
            // a fixed CDA opens in Mitú: 30 days from the hub's date (art. 3.3.3.10), not from the real one
            hub.registry().createCenter("CDA-MITU", CenterKind.CDA, "CDA Mitu", "C777");
            hub.registry().updateCenterRules("CDA-MITU", r -> r.withLocation(r.location().withCoordinates(LAT, LON)));
            assertThat(schedules.list(LINE)).extracting(Stay::leaveBy).containsExactly(LocalDate.parse("2026-04-01"));
        }
    }

    private static MessageHeader header(TestLane lane, long seq) {
        return new MessageHeader(UUID.randomUUID(), lane.bundle.centerId(), lane.bundle.stationId(), seq, "boot-1",
                OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(-5)));
    }

    private static byte[] inspection(TestLane lane, long seq, Instant startedAt) throws Exception {
        OffsetDateTime started = OffsetDateTime.ofInstant(startedAt, ZoneOffset.ofHours(-5));
        ObjectNode input = TestLane.approvedInput();
        input.put("testedAt", started.plusSeconds(601).toString());
        ((ObjectNode) input.get("vehicle")).put("plate", "CLK" + (100 + seq));
        ScoreResult score = TestLane.SCORER.score(new co.rtm.profiles.inspection.ScoringInputReader(
                TestLane.SCORER.rules().catalogue()::contains).read(input, "input"),
                co.rtm.profiles.profile.Profiles.builtIn("cda-light-mobile").orElseThrow());
        InspectionMessage m = InspectionMessage.of(header(lane, seq), lane.bundle.profile(), started, List.of("CC-1010"),
                null, input, score);
        return lane.sign(m);
    }
}
