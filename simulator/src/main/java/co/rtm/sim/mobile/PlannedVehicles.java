package co.rtm.sim.mobile;

import co.rtm.sim.lane.LaneVehicles;
import co.rtm.sim.vehicles.VehiclePopulation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Vehicles for the lane device, one per {@link #release}: each started at the planned (simulated) instant and tested
 * {@value #INSPECTION_SECONDS} s later, a little over the mobile profiles' 600 s minimum.
 */
final class PlannedVehicles implements Supplier<String> {
    static final long INSPECTION_SECONDS = 601;
    private final LaneVehicles vehicles;
    private final BlockingQueue<Instant> starts = new LinkedBlockingQueue<>();

    PlannedVehicles(LaneVehicles vehicles) {
        this.vehicles = vehicles;
    }

    void release(Instant startedAt) {
        starts.add(startedAt);
    }

    @Override
    public String get() {
        Instant start;
        try {
            start = starts.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("lane closing", e);
        }
        ObjectNode doc = vehicles.nextDocument();
        OffsetDateTime started = OffsetDateTime.ofInstant(start, VehiclePopulation.COLOMBIA);
        doc.put("startedAt", started.toString());
        doc.put("testedAt", started.plusSeconds(INSPECTION_SECONDS).toString());
        return doc.toString();
    }
}
