package co.rtm.sim.lane;

import co.rtm.profiles.profile.StationProfile;
import co.rtm.profiles.vehicle.VehicleKind;
import co.rtm.sim.vehicles.VehiclePopulation;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * The vehicles that queue at one lane: the national population, keeping only the kinds the lane's class may
 * inspect (art. 3.3.3.6), each stamped with the moment it drives in. A plate another lane of this process is
 * inspecting is skipped ({@link PlatesOnLanes}).
 */
public final class LaneVehicles implements Supplier<String> {
    private final VehiclePopulation population;
    private final StationProfile lane;

    public LaneVehicles(long seed, StationProfile lane) {
        this.population = VehiclePopulation.testedAt(seed, OffsetDateTime.now(VehiclePopulation.COLOMBIA));
        this.lane = lane;
    }

    @Override
    public String get() {
        return nextDocument().toString();
    }

    /** The next vehicle's whole scoring document (vehicle, true measurements, sensory findings, inspectors). */
    public synchronized ObjectNode nextDocument() {
        while (true) {
            ObjectNode doc = population.next();
            VehicleKind kind = VehicleKind.fromJson(doc.path("vehicle").path("kind").asText());
            if (!lane.accepts(kind)) continue;
            OffsetDateTime now = OffsetDateTime.now(VehiclePopulation.COLOMBIA);
            if (!PlatesOnLanes.claim(doc.path("vehicle").path("plate").asText(), now.toInstant())) continue;
            doc.put("testedAt", now.toString());
            doc.put("startedAt", now.minusMinutes(12).toString());
            doc.putArray("inspectors").add("CC-" + (79_000_000 + Math.floorMod(lane.id().hashCode(), 1000)));
            return doc;
        }
    }
}
