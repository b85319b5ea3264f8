package co.rtm.profiles.rules;

import co.rtm.profiles.vehicle.Service;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;

import java.util.EnumMap;
import java.util.Map;

/**
 * The NTC 5375 approval rule: rejected with at least {@code typeARejectAt} type A defects, or when the type B
 * count reaches the limit for the vehicle. A limit by kind (motorcycles 5, motocarros 7) takes precedence over
 * the limit by service (particular/oficial/diplomatico 10, publico 5; ensenanza 5 as an unpublished default).
 */
public record Approval(int typeARejectAt, Map<VehicleKind, Integer> typeBRejectAtByKind,
                       Map<Service, Integer> typeBRejectAtByService, String source, Confidence confidence) {
    public Approval {
        Require.check(typeARejectAt >= 1, "'typeARejectAt' must be at least 1");
        Require.present(typeBRejectAtByService, "typeBRejectAtByService");
        for (Service s : Service.values()) {
            Require.check(typeBRejectAtByService.containsKey(s), "'typeBRejectAtByService' has no limit for '" + s.json() + "'");
        }
        typeBRejectAtByKind = typeBRejectAtByKind == null ? Map.of() : Map.copyOf(new EnumMap<>(typeBRejectAtByKind));
        typeBRejectAtByService = Map.copyOf(typeBRejectAtByService);
        typeBRejectAtByKind.values().forEach(v -> Require.check(v >= 1, "type B limits must be at least 1"));
        typeBRejectAtByService.values().forEach(v -> Require.check(v >= 1, "type B limits must be at least 1"));
        Require.present(source, "source");
        Require.present(confidence, "confidence");
    }

    public int typeBRejectAt(Vehicle v) {
        Integer byKind = typeBRejectAtByKind.get(v.kind());
        return byKind != null ? byKind : typeBRejectAtByService.get(v.service());
    }

    public boolean rejects(int typeA, int typeB, Vehicle v) {
        return typeA >= typeARejectAt || typeB >= typeBRejectAt(v);
    }
}
