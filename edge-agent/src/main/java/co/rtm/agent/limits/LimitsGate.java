package co.rtm.agent.limits;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

import co.rtm.agent.inspection.LaneDisplay;
import co.rtm.agent.station.StartGate;
import co.rtm.profiles.config.StationConfig;
import co.rtm.profiles.vehicle.VehicleKind;

/**
 * Holds the lane while the hub would refuse an inspection started now ({@link LaneLimitsCheck} on the config in
 * force): outside opening hours, on a closed holiday, over the hour's capacity, accreditation or environmental
 * certificate expired, station deactivated. Before any config arrived it never holds. Tells the technician once
 * each time the reason changes, and counts the lane's starts per clock hour.
 */
public final class LimitsGate implements StartGate {
    private final StationLimits limits;
    private final HourlyStarts starts;
    private final Clock clock;
    private final LaneDisplay display;
    private String shown;

    public LimitsGate(StationLimits limits, HourlyStarts starts, Clock clock, LaneDisplay display) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.starts = Objects.requireNonNull(starts, "starts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.display = Objects.requireNonNull(display, "display");
    }

    @Override
    public synchronized Optional<String> holdReason() {
        Optional<StationConfig> config = limits.current();
        if (config.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        Optional<String> reason = LaneLimitsCheck.check(config.get(), now, starts.in(now)).map(LaneLimitsCheck.Hold::text);
        if (reason.isPresent() && !reason.get().equals(shown)) {
            display.notice(reason.get());
        }
        shown = reason.orElse(null);
        return reason;
    }

    @Override
    public Optional<String> vehicleRefusal(VehicleKind kind) {
        Optional<String> refusal = limits.current().flatMap(c -> LaneLimitsCheck.vehicleRefusal(c, kind));
        refusal.ifPresent(display::notice);
        return refusal;
    }

    @Override
    public void started(OffsetDateTime startedAt) {
        starts.started(startedAt.toInstant());
    }
}
