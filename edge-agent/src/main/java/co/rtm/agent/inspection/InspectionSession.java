package co.rtm.agent.inspection;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.lane.EmergencyStop;
import co.rtm.agent.instruments.lane.StepOutcome;
import co.rtm.agent.instruments.lane.TestGuard;
import co.rtm.profiles.inspection.DeclaredInvalid;
import co.rtm.profiles.inspection.Measurements;
import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.Vehicle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs one vehicle's instrument tests in the profile's order: for each, the technician is told what to do, the
 * instrument's events go through the test's procedure until it ends, a deadline passes, or the emergency stop is
 * pressed, and every event is kept in the raw series. A test whose instrument is missing, silent, faulty or out
 * of calibration is declared invalid with the reason; it is never scored as passed (DESIGN §5).
 */
public final class InspectionSession {
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    /** Creates the procedure of one test for one vehicle. */
    @FunctionalInterface
    public interface ProcedureFactory {
        TestProcedure<?> create(Vehicle vehicle);
    }

    /**
     * An instrument and the procedure that reads it, for one test; {@code atStart} gives the commands sent to the
     * instrument when the test starts (the identity request, so its verification is checked for every test, then
     * a polled device's questions for this vehicle).
     */
    public record Station(InstrumentTap tap, ProcedureFactory procedure, Function<Vehicle, List<byte[]>> atStart) {
        public Station(InstrumentTap tap, ProcedureFactory procedure) {
            this(tap, procedure, v -> List.of());
        }
    }

    private final Map<TestKind, Station> stations;
    private final LaneDisplay display;
    private final TestGuard guard;
    private final EmergencyStop stop;
    private final Clock clock;
    private final Function<TestKind, Duration> deadline;

    public InspectionSession(Map<TestKind, Station> stations, LaneDisplay display, EmergencyStop stop, Clock clock,
                             Function<TestKind, Duration> deadline) {
        this.stations = new EnumMap<>(stations);
        this.display = Objects.requireNonNull(display);
        this.stop = Objects.requireNonNull(stop);
        this.guard = new TestGuard(stop);
        this.clock = clock;
        this.deadline = deadline;
    }

    /** Runs {@code tests} (the instrument tests the profile requires for this vehicle, in order). */
    public SessionResult run(Vehicle vehicle, List<TestKind> tests) throws InterruptedException {
        Map<TestKind, Object> blocks = new EnumMap<>(TestKind.class);
        List<DeclaredInvalid> invalid = new ArrayList<>();
        List<SessionResult.InstrumentUse> used = new ArrayList<>();
        SampleSeries series = new SampleSeries();
        for (TestKind test : tests) {
            Station station = stations.get(test);
            if (station == null) {
                invalid.add(new DeclaredInvalid(test, "no instrument configured for " + test.json() + " on this lane"));
                display.finished(vehicle.plate(), test, "inválida: sin instrumento");
                continue;
            }
            TestOutcome<?> outcome = runOne(vehicle, test, station, series);
            DeviceIdentity id = station.tap().identity().orElse(null);
            used.add(new SessionResult.InstrumentUse(test.json(), station.tap().kind().json(),
                    id == null ? null : id.vendor(), id == null ? null : id.model(), id == null ? null : id.serial(),
                    id == null ? null : id.verificationDue().toString()));
            if (outcome instanceof TestOutcome.Measured<?> m) {
                blocks.put(test, m.block());
                display.finished(vehicle.plate(), test, "medida");
            } else {
                String reason = ((TestOutcome.Invalid<?>) outcome).reason();
                invalid.add(new DeclaredInvalid(test, reason));
                display.finished(vehicle.plate(), test, "inválida: " + reason);
            }
        }
        return new SessionResult(measurements(blocks), invalid, used, series);
    }

    private TestOutcome<?> runOne(Vehicle vehicle, TestKind test, Station station, SampleSeries series)
            throws InterruptedException {
        TestProcedure<?> procedure = station.procedure().create(vehicle);
        InstrumentTap tap = station.tap();
        if (stop.pressed()) {
            // no test starts while the lane is stopped: wait for the release, up to the test's deadline
            display.prompt(vehicle.plate(), test, "Parada de emergencia activada: libérela para continuar");
            stop.awaitRelease(deadline.apply(test));
        }
        Instant start = clock.instant();
        Instant end = start.plus(deadline.apply(test));
        tap.open();
        if (station.atStart() != null) {
            // the instrument may still be connecting (agent start, device server restarting): retry until the deadline
            List<byte[]> commands = station.atStart().apply(vehicle);
            int sent = 0;
            while (sent < commands.size()) {
                try {
                    tap.send(commands.get(sent));
                    sent++;
                } catch (java.io.IOException | RuntimeException e) {
                    if (clock.instant().plusMillis(200).isAfter(end)) {
                        tap.shut();
                        procedure.abort("cannot reach the " + tap.kind().json() + " instrument: " + e.getMessage());
                        return procedure.outcome();
                    }
                    Thread.sleep(200);
                }
            }
        }
        try {
            StepOutcome<Boolean> step = guard.run(control -> {
                String shown = null;
                while (true) {
                    String prompt = procedure.prompt();
                    if (!prompt.equals(shown)) {
                        display.prompt(vehicle.plate(), test, prompt);
                        shown = prompt;
                    }
                    Duration left = Duration.between(clock.instant(), end);
                    if (left.isNegative() || left.isZero()) {
                        procedure.abort("no result from the " + tap.kind().json() + " instrument within "
                                + seconds(deadline.apply(test)) + " s");
                        return true;
                    }
                    InstrumentEvent e = tap.next(left.compareTo(Duration.ofMillis(250)) < 0 ? left : Duration.ofMillis(250));
                    control.checkNotAborted();
                    if (e == null) {
                        continue;
                    }
                    series.add(test, start, e);
                    if (expired(tap, e)) {
                        procedure.abort("instrument verification expired on " + tap.identity().get().verificationDue());
                        return true;
                    }
                    if (procedure.accept(e)) {
                        return true;
                    }
                }
            });
            if (step instanceof StepOutcome.Aborted<Boolean> a) {
                procedure.abort(a.reason());
                series.add(test, start, new Fault(a.at(), FaultKind.EMERGENCY_STOP, a.reason()));
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            procedure.abort("lane software error: " + e);
        } finally {
            tap.shut();
        }
        return procedure.outcome();
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static boolean expired(InstrumentTap tap, InstrumentEvent e) {
        return tap.identity().map(id -> !id.verifiedOn(e.at().atZone(BOGOTA).toLocalDate())).orElse(false);
    }

    private static Measurements measurements(Map<TestKind, Object> b) {
        return new Measurements((Measurements.Brakes) b.get(TestKind.BRAKES),
                (Measurements.Suspension) b.get(TestKind.SUSPENSION), (Measurements.Sideslip) b.get(TestKind.SIDESLIP),
                (Measurements.Lights) b.get(TestKind.LIGHTS), (Measurements.Tyres) b.get(TestKind.TYRES),
                (Measurements.Gas) b.get(TestKind.GAS), (Measurements.Opacity) b.get(TestKind.OPACITY),
                (Measurements.Noise) b.get(TestKind.NOISE), (Measurements.Taximeter) b.get(TestKind.TAXIMETER));
    }
}
