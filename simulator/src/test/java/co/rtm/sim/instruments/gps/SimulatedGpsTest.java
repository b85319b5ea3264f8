package co.rtm.sim.instruments.gps;

import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample.GpsFix;
import co.rtm.agent.instruments.gps.NmeaDecoder;
import co.rtm.sim.instruments.gps.SimulatedGps.Waypoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The simulator's bytes through the agent's real decoder. */
class SimulatedGpsTest {

    private static final Instant START = Instant.parse("2026-03-10T14:00:00Z");
    // Bogota, Av. El Dorado westwards, then north on Av. Boyaca; then parked
    private static final List<Waypoint> TRACK = List.of(
            new Waypoint(4.6486, -74.0870, 36),
            new Waypoint(4.6720, -74.1180, 54),
            new Waypoint(4.7000, -74.1100, 0));

    private final NmeaDecoder decoder = new NmeaDecoder();
    private final List<InstrumentEvent> events = new ArrayList<>();

    /** Drive for {@code seconds}, ticking at 1 Hz plus a few odd instants, feeding in ragged pieces. */
    private void drive(SimulatedGps gps, Instant from, int seconds) {
        for (int s = 0; s < seconds; s++) {
            Instant now = from.plusSeconds(s).plusMillis(s % 3 * 300);
            byte[] bytes = gps.tick(now);
            for (int off = 0; off < bytes.length; off += 37) {
                decoder.feed(bytes, off, Math.min(37, bytes.length - off), now, events::add);
            }
        }
    }

    private List<GpsFix> fixes() {
        return events.stream().filter(Reading.class::isInstance).map(e -> (GpsFix) ((Reading) e).sample()).toList();
    }

    private List<Fault> faults() {
        return events.stream().filter(Fault.class::isInstance).map(Fault.class::cast).toList();
    }

    @Test
    void oneFixPerSecondAlongTheTrackWithEveryChecksumRight() {
        SimulatedGps gps = new SimulatedGps(TRACK, START, 7);
        drive(gps, START, 600);

        assertThat(faults()).isEmpty();
        List<GpsFix> fixes = fixes();
        assertThat(fixes).hasSize(600);
        for (int i = 0; i < fixes.size(); i++) {
            GpsFix f = fixes.get(i);
            Instant t = START.plusSeconds(i);
            assertThat(f.deviceTime()).isEqualTo(t);
            Waypoint expected = gps.positionAt(t);
            assertThat(SimulatedGps.distanceM(f.lat(), f.lon(), expected.lat(), expected.lon())).isLessThan(6);
            assertThat(f.quality()).isEqualTo(1);
            assertThat(f.satellites()).isEqualTo(9);
            assertThat(f.hdop()).isEqualTo(0.9);
            assertThat(f.altitudeM()).isBetween(2599.0, 2601.0);
        }
        // first leg at 36 km/h heading north-west (about 307 degrees)
        assertThat(fixes.get(10).speedKmh()).isCloseTo(36, within(0.01));
        assertThat(fixes.get(10).courseDeg()).isBetween(300.0, 315.0);
        assertThat(SimulatedGps.distanceM(fixes.get(0).lat(), fixes.get(0).lon(), 4.6486, -74.0870)).isLessThan(6);
        // 4.3 km at 10 m/s: the second waypoint is passed after about 430 s
        assertThat(fixes.get(599).speedKmh()).isCloseTo(54, within(0.01));
    }

    @Test
    void theVehicleEndsParkedAtTheLastWaypoint() {
        SimulatedGps gps = new SimulatedGps(TRACK, START, 7);
        Instant late = START.plus(Duration.ofHours(2));
        drive(gps, late, 3);
        assertThat(fixes()).hasSize(3).allSatisfy(f -> {
            assertThat(SimulatedGps.distanceM(f.lat(), f.lon(), 4.7000, -74.1100)).isLessThan(6);
            assertThat(f.speedKmh()).isZero();
        });
    }

    @Test
    void garbageOnTheLineIsFaultedAndNeverMovesTheVehicle() {
        SimulatedGps gps = new SimulatedGps(TRACK, START, 7);
        gps.fault(SimulatedGps.Fault.GARBAGE);
        drive(gps, START, 60);

        assertThat(faults()).isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_FRAME));
        // garbage sits before the RMC: an epoch may lose its RMC, never gain a wrong position
        assertThat(fixes()).hasSizeGreaterThan(50).allSatisfy(f -> {
            Waypoint expected = gps.positionAt(f.deviceTime());
            assertThat(SimulatedGps.distanceM(f.lat(), f.lon(), expected.lat(), expected.lon())).isLessThan(6);
        });
    }

    @Test
    void badChecksumsAreFaultsAndTheEpochFallsBackOnItsGga() {
        SimulatedGps gps = new SimulatedGps(TRACK, START, 7);
        gps.fault(SimulatedGps.Fault.BAD_CHECKSUM);
        drive(gps, START, 20);

        assertThat(faults()).hasSize(20).allSatisfy(f -> assertThat(f.kind()).isEqualTo(FaultKind.BAD_CHECKSUM));
        // without RMC an epoch is complete only when the next second starts (or the stream ends)
        assertThat(fixes()).hasSize(19);
        decoder.endOfStream(START.plusSeconds(20), events::add);
        // position from GGA; speed unknown: the VTG that follows a lost RMC is not trusted
        assertThat(fixes()).hasSize(20).allSatisfy(f -> {
            assertThat(f.speedKmh()).isNaN();
            Waypoint expected = gps.positionAt(f.deviceTime());
            assertThat(SimulatedGps.distanceM(f.lat(), f.lon(), expected.lat(), expected.lon())).isLessThan(6);
        });
    }

    @Test
    void stuckPositionRepeatsTheSameFixWhileTheTimeGoesOn() {
        SimulatedGps gps = new SimulatedGps(TRACK, START, 7);
        drive(gps, START, 10);
        gps.fault(SimulatedGps.Fault.STUCK_POSITION);
        drive(gps, START.plusSeconds(10), 10);

        List<GpsFix> stuck = fixes().subList(10, 20);
        assertThat(stuck).extracting(GpsFix::lat).containsOnly(stuck.get(0).lat());
        assertThat(stuck).extracting(GpsFix::lon).containsOnly(stuck.get(0).lon());
        assertThat(stuck).extracting(GpsFix::deviceTime).doesNotHaveDuplicates();
        assertThat(faults()).isEmpty();
    }

    @Test
    void noFixSendsValidSentencesThatGiveNoReading() {
        SimulatedGps gps = new SimulatedGps(TRACK, START, 7);
        gps.fault(SimulatedGps.Fault.NO_FIX);
        drive(gps, START, 10);
        gps.fault(SimulatedGps.Fault.NONE);
        drive(gps, START.plusSeconds(10), 5);

        assertThat(faults()).isEmpty();
        assertThat(decoder.noFixSentences()).isEqualTo(20);
        assertThat(fixes()).hasSize(5);
        assertThat(fixes().get(0).deviceTime()).isEqualTo(START.plusSeconds(10));
    }

    @Test
    void afterAPauseOnlyTheLatestSecondsAreSent() {
        SimulatedGps gps = new SimulatedGps(TRACK, START, 7);
        drive(gps, START, 1);
        drive(gps, START.plusSeconds(60), 1);
        assertThat(fixes()).hasSize(1 + SimulatedGps.MAX_CATCH_UP);
        assertThat(new SimulatedGps(TRACK, START, 7).tick(START)).isEqualTo(new SimulatedGps(TRACK, START, 7).tick(START));
    }
}
