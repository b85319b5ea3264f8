package co.rtm.agent.inspection;

import co.rtm.agent.instruments.DeviceIdentity;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.Identified;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.profiles.vehicle.Fuel;
import co.rtm.profiles.vehicle.Service;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Vehicles and events for the lane procedure tests. */
final class LaneProcedureFixtures {

    /** 2026-11-20 10:00 in Bogota. */
    static final Instant T = Instant.parse("2026-11-20T15:00:00Z");

    private LaneProcedureFixtures() {}

    static Vehicle vehicle(VehicleKind kind, Integer axles, boolean twin) {
        return new Vehicle("ABC123", kind, Service.PARTICULAR, Fuel.GASOLINE, 2015, OptionalInt.of(1600),
                OptionalDouble.of(1500), axles == null ? OptionalInt.empty() : OptionalInt.of(axles), OptionalInt.of(4),
                false, twin);
    }

    static Reading reading(Sample s) { return new Reading(T, s); }

    static Fault fault(FaultKind k) { return new Fault(T, k, "detail of " + k); }

    /** An identity whose verification runs out on {@code due}. */
    static Identified identity(LocalDate due) {
        return new Identified(T, new DeviceIdentity("V", "M", "S1", "1.0", due.minusYears(1), due));
    }

    /** Feeds all, returning whether the last returned finished. */
    static boolean feed(TestProcedure<?> p, InstrumentEvent... events) {
        boolean done = false;
        for (InstrumentEvent e : events) {
            done = p.accept(e);
        }
        return done;
    }
}
