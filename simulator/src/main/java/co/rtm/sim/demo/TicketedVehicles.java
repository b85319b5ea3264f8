package co.rtm.sim.demo;

import co.rtm.sim.lane.LaneVehicles;
import co.rtm.sim.vehicles.VehiclePopulation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Vehicles for a lane device, one per {@link #release()}: a mobile line inspects when the script says so (parked
 * in the municipality, or on purpose outside it). Each vehicle starts at the line's simulated time when it is handed
 * over and is tested {@value #INSPECTION_SECONDS} s (simulated) later: the hub judges the line where the GPS had it
 * at the start.
 */
final class TicketedVehicles implements Supplier<String> {
    private final LaneVehicles vehicles;
    /** A little over the mobile profiles' 600 s minimum (TOO_SHORT_INSPECTION otherwise). */
    static final long INSPECTION_SECONDS = 601;
    private final BlockingQueue<Boolean> tickets = new LinkedBlockingQueue<>();

    private final SimTime time;

    TicketedVehicles(LaneVehicles vehicles, SimTime time) {
        this.vehicles = vehicles;
        this.time = time;
    }

    void release() {
        tickets.add(Boolean.TRUE);
    }

    @Override
    public String get() {
        try {
            tickets.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("lane closing", e);
        }
        ObjectNode doc = vehicles.nextDocument();
        OffsetDateTime started = OffsetDateTime.ofInstant(time.instant(), VehiclePopulation.COLOMBIA);
        doc.put("startedAt", started.toString());
        doc.put("testedAt", started.plusSeconds(INSPECTION_SECONDS).toString());
        return doc.toString();
    }
}
