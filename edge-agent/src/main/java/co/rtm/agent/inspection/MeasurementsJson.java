package co.rtm.agent.inspection;

import co.rtm.profiles.inspection.Measurements;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;

/** Writes measured blocks as the {@code measurements} object of the scoring document (DESIGN §5). */
final class MeasurementsJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MeasurementsJson() {}

    static ObjectNode write(Measurements m) {
        ObjectNode o = F.objectNode();
        if (m.brakes() != null) {
            ArrayNode axles = o.putObject("brakes").putArray("axles");
            for (Measurements.BrakeAxle a : m.brakes().axles()) {
                ObjectNode n = axles.addObject().put("weightN", a.weightN());
                opt(n, "serviceLeftN", a.serviceLeftN());
                opt(n, "serviceRightN", a.serviceRightN());
                opt(n, "parkingLeftN", a.parkingLeftN());
                opt(n, "parkingRightN", a.parkingRightN());
                opt(n, "serviceN", a.serviceN());
            }
        }
        if (m.suspension() != null) {
            ArrayNode wheels = o.putObject("suspension").putArray("wheels");
            m.suspension().wheels().forEach(w -> wheels.addObject().put("position", w.position()).put("adherencePct", w.adherencePct()));
        }
        if (m.sideslip() != null) {
            ArrayNode axles = o.putObject("sideslip").putArray("axles");
            m.sideslip().axles().forEach(a -> axles.addObject().put("axle", a.axle()).put("mPerKm", a.mPerKm()));
        }
        if (m.lights() != null) {
            ObjectNode l = o.putObject("lights");
            ArrayNode beams = l.putArray("lowBeams");
            m.lights().lowBeams().forEach(b -> beams.addObject().put("side", b.side())
                    .put("intensityKlux", b.intensityKlux()).put("inclinationPct", b.inclinationPct()));
            opt(l, "simultaneousSumKlux", m.lights().simultaneousSumKlux());
        }
        if (m.tyres() != null) {
            ArrayNode depths = o.putObject("tyres").putArray("treadDepthsMm");
            m.tyres().treadDepthsMm().forEach(depths::add);
        }
        if (m.gas() != null) {
            ObjectNode g = o.putObject("gas");
            opt(g, "oilTempC", m.gas().oilTempC());
            phase(g, "idle", m.gas().idle());
            phase(g, "cruise", m.gas().cruise());
        }
        if (m.opacity() != null) {
            ObjectNode p = o.putObject("opacity").put("unit", m.opacity().unit().json());
            opt(p, "governedSpeedReachedS", m.opacity().governedSpeedReachedS());
            ArrayNode sets = p.putArray("sets");
            for (List<Double> set : m.opacity().sets()) {
                ArrayNode s = sets.addArray();
                set.forEach(s::add);
            }
            opt(p, "zeroDriftK", m.opacity().zeroDriftK());
        }
        if (m.noise() != null) {
            o.putObject("noise").put("dBA", m.noise().dBA());
        }
        if (m.taximeter() != null) {
            o.putObject("taximeter").put("distanceErrorPct", m.taximeter().distanceErrorPct())
                    .put("timeErrorPct", m.taximeter().timeErrorPct());
        }
        return o;
    }

    private static void phase(ObjectNode g, String name, Measurements.GasPhase p) {
        if (p != null) {
            g.putObject(name).put("rpm", p.rpm()).put("coPct", p.coPct()).put("co2Pct", p.co2Pct())
                    .put("o2Pct", p.o2Pct()).put("hcPpm", p.hcPpm());
        }
    }

    private static void opt(ObjectNode n, String field, OptionalDouble v) {
        if (v != null && v.isPresent()) {
            n.put(field, v.getAsDouble());
        }
    }
}
