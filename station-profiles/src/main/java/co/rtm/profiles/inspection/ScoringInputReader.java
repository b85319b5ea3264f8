package co.rtm.profiles.inspection;

import co.rtm.profiles.vehicle.Fuel;
import co.rtm.profiles.vehicle.JsonEnums;
import co.rtm.profiles.vehicle.Service;
import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads the scoring document of DESIGN §5 strictly: unknown fields, wrong types, negative readings,
 * unknown enum values and model years in the future are refused with the path of the field, so a
 * typo can never silently drop a reading. Thread-safe.
 */
public final class ScoringInputReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("testedAt", "vehicle", "measurements", "sensoryDefects",
            "invalidTests");
    private static final Set<String> VEHICLE = Set.of("plate", "kind", "service", "fuel", "modelYear",
            "displacementCc", "grossWeightKg", "axles", "engineStrokes", "hasTaximeter", "twinWheels");
    private static final Set<String> MEASUREMENTS = Set.of("brakes", "suspension", "sideslip", "lights", "tyres",
            "gas", "opacity", "noise", "taximeter");

    private final Predicate<String> knownDefectCode;

    /** @param knownDefectCode tells whether a sensory defect code is in the catalogue */
    public ScoringInputReader(Predicate<String> knownDefectCode) {
        this.knownDefectCode = knownDefectCode;
    }

    public ScoringInput read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InputException("", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) throw new InputException("", "empty document");
        return read(root, "");
    }

    /** Reads a document already parsed; {@code base} prefixes every error path (e.g. {@code "input"}). */
    public ScoringInput read(JsonNode root, String base) {
        Node doc = new Node(root, base);
        doc.requireObject(TOP);
        OffsetDateTime testedAt = doc.field("testedAt").required().text(ScoringInputReader::parseTime);
        Vehicle vehicle = vehicle(doc.field("vehicle").required(), testedAt);
        Node m = doc.field("measurements").required();
        m.requireObject(MEASUREMENTS);
        Measurements measurements = new Measurements(
                m.field("brakes").optional().map(n -> brakes(n, vehicle.kind())).orElse(null),
                m.field("suspension").optional().map(ScoringInputReader::suspension).orElse(null),
                m.field("sideslip").optional().map(ScoringInputReader::sideslip).orElse(null),
                m.field("lights").optional().map(ScoringInputReader::lights).orElse(null),
                m.field("tyres").optional().map(ScoringInputReader::tyres).orElse(null),
                m.field("gas").optional().map(ScoringInputReader::gas).orElse(null),
                m.field("opacity").optional().map(ScoringInputReader::opacity).orElse(null),
                m.field("noise").optional().map(n -> {
                    n.requireObject(Set.of("dBA"));
                    return new Measurements.Noise(n.field("dBA").required().nonNegative());
                }).orElse(null),
                m.field("taximeter").optional().map(n -> {
                    n.requireObject(Set.of("distanceErrorPct", "timeErrorPct"));
                    return new Measurements.Taximeter(n.field("distanceErrorPct").required().number(),
                            n.field("timeErrorPct").required().number());
                }).orElse(null));
        List<String> sensory = new ArrayList<>();
        doc.field("sensoryDefects").optional().ifPresent(list -> list.elements().forEach(item -> {
            String code = item.text(Function.identity());
            if (!knownDefectCode.test(code)) item.fail("unknown defect code '" + code + "' (not in the catalogue)");
            if (sensory.contains(code)) item.fail("defect code '" + code + "' listed twice");
            sensory.add(code);
        }));
        List<DeclaredInvalid> invalid = new ArrayList<>();
        doc.field("invalidTests").optional().ifPresent(list -> list.elements().forEach(item -> {
            item.requireObject(Set.of("test", "reason"));
            Node testNode = item.field("test").required();
            TestKind test = testNode.text(TestKind::fromJson);
            String reason = item.field("reason").required().text(Function.identity());
            if (reason.isBlank()) item.field("reason").required().fail("reason must not be blank");
            if (invalid.stream().anyMatch(d -> d.test() == test)) testNode.fail("test '" + test.json() + "' declared invalid twice");
            if (m.field(test.json()).optional().isPresent()) {
                testNode.fail("test '" + test.json() + "' is declared invalid but measurements." + test.json() + " is present");
            }
            invalid.add(new DeclaredInvalid(test, reason));
        }));
        return new ScoringInput(testedAt, vehicle, measurements, sensory, invalid);
    }

    private static OffsetDateTime parseTime(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 date-time with offset: '" + s + "'");
        }
    }

    private static Vehicle vehicle(Node v, OffsetDateTime testedAt) {
        v.requireObject(VEHICLE);
        String plate = v.field("plate").required().text(Function.identity());
        if (plate.isBlank()) v.field("plate").fail("must not be blank");
        VehicleKind kind = v.field("kind").required().text(VehicleKind::fromJson);
        Service service = v.field("service").required().text(Service::fromJson);
        Fuel fuel = v.field("fuel").required().text(Fuel::fromJson);
        Node yearNode = v.field("modelYear").required();
        int modelYear = yearNode.integer();
        if (modelYear < 1900) yearNode.fail("model year " + modelYear + " is before 1900");
        // Model years run one year ahead of the calendar (a 2027 model is sold in 2026); beyond that it is a typo.
        if (modelYear > testedAt.getYear() + 1) {
            yearNode.fail("model year " + modelYear + " is in the future (tested in " + testedAt.getYear() + ")");
        }
        OptionalInt cc = v.field("displacementCc").optional().map(n -> OptionalInt.of(n.positiveInt())).orElse(OptionalInt.empty());
        OptionalDouble weight = v.field("grossWeightKg").optional().map(n -> OptionalDouble.of(n.positive())).orElse(OptionalDouble.empty());
        OptionalInt axles = v.field("axles").optional().map(n -> OptionalInt.of(n.positiveInt())).orElse(OptionalInt.empty());
        OptionalInt strokes = v.field("engineStrokes").optional().map(n -> {
            int s = n.integer();
            if (s != 2 && s != 4) n.fail("must be 2 or 4, got " + s);
            return OptionalInt.of(s);
        }).orElse(OptionalInt.empty());
        boolean taximeter = v.field("hasTaximeter").optional().map(Node::bool).orElse(false);
        boolean twin = v.field("twinWheels").optional().map(Node::bool).orElse(false);
        return new Vehicle(plate, kind, service, fuel, modelYear, cc, weight, axles, strokes, taximeter, twin);
    }

    private static Measurements.Brakes brakes(Node b, VehicleKind kind) {
        b.requireObject(Set.of("axles"));
        List<Measurements.BrakeAxle> axles = new ArrayList<>();
        b.field("axles").required().nonEmptyElements().forEach(a -> {
            if (kind.isMotorcycleFamily()) {
                a.requireObject(Set.of("weightN", "serviceN"));
                axles.add(new Measurements.BrakeAxle(a.field("weightN").required().positive(),
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.of(a.field("serviceN").required().nonNegative())));
            } else {
                a.requireObject(Set.of("weightN", "serviceLeftN", "serviceRightN", "parkingLeftN", "parkingRightN"));
                Optional<Node> pl = a.field("parkingLeftN").optional();
                Optional<Node> pr = a.field("parkingRightN").optional();
                if (pl.isPresent() != pr.isPresent()) {
                    (pl.isPresent() ? a.field("parkingRightN") : a.field("parkingLeftN")).fail("required when the other parking force is given");
                }
                axles.add(new Measurements.BrakeAxle(a.field("weightN").required().positive(),
                        OptionalDouble.of(a.field("serviceLeftN").required().nonNegative()),
                        OptionalDouble.of(a.field("serviceRightN").required().nonNegative()),
                        pl.map(n -> OptionalDouble.of(n.nonNegative())).orElse(OptionalDouble.empty()),
                        pr.map(n -> OptionalDouble.of(n.nonNegative())).orElse(OptionalDouble.empty()),
                        OptionalDouble.empty()));
            }
        });
        return new Measurements.Brakes(axles);
    }

    private static Measurements.Suspension suspension(Node s) {
        s.requireObject(Set.of("wheels"));
        List<Measurements.SuspensionWheel> wheels = new ArrayList<>();
        s.field("wheels").required().nonEmptyElements().forEach(w -> {
            w.requireObject(Set.of("position", "adherencePct"));
            String pos = w.field("position").required().text(Function.identity());
            if (pos.isBlank()) w.field("position").fail("must not be blank");
            wheels.add(new Measurements.SuspensionWheel(pos, w.field("adherencePct").required().nonNegative()));
        });
        return new Measurements.Suspension(wheels);
    }

    private static Measurements.Sideslip sideslip(Node s) {
        s.requireObject(Set.of("axles"));
        List<Measurements.SideslipAxle> axles = new ArrayList<>();
        s.field("axles").required().nonEmptyElements().forEach(a -> {
            a.requireObject(Set.of("axle", "mPerKm"));
            axles.add(new Measurements.SideslipAxle(a.field("axle").required().positiveInt(), a.field("mPerKm").required().number()));
        });
        return new Measurements.Sideslip(axles);
    }

    private static Measurements.Lights lights(Node l) {
        l.requireObject(Set.of("lowBeams", "simultaneousSumKlux"));
        List<Measurements.LowBeam> beams = new ArrayList<>();
        l.field("lowBeams").required().nonEmptyElements().forEach(b -> {
            b.requireObject(Set.of("side", "intensityKlux", "inclinationPct"));
            String side = b.field("side").required().text(Function.identity());
            if (!Set.of("left", "right", "center").contains(side)) {
                b.field("side").fail("unknown value '" + side + "' (expected one of left, right, center)");
            }
            beams.add(new Measurements.LowBeam(side, b.field("intensityKlux").required().nonNegative(),
                    b.field("inclinationPct").required().number()));
        });
        OptionalDouble sum = l.field("simultaneousSumKlux").optional()
                .map(n -> OptionalDouble.of(n.nonNegative())).orElse(OptionalDouble.empty());
        return new Measurements.Lights(beams, sum);
    }

    private static Measurements.Tyres tyres(Node t) {
        t.requireObject(Set.of("treadDepthsMm"));
        List<Double> depths = new ArrayList<>();
        t.field("treadDepthsMm").required().nonEmptyElements().forEach(d -> depths.add(d.nonNegative()));
        return new Measurements.Tyres(depths);
    }

    private static Measurements.Gas gas(Node g) {
        g.requireObject(Set.of("oilTempC", "idle", "cruise"));
        OptionalDouble oil = g.field("oilTempC").optional().map(n -> OptionalDouble.of(n.number())).orElse(OptionalDouble.empty());
        return new Measurements.Gas(oil,
                g.field("idle").optional().map(ScoringInputReader::gasPhase).orElse(null),
                g.field("cruise").optional().map(ScoringInputReader::gasPhase).orElse(null));
    }

    private static Measurements.GasPhase gasPhase(Node p) {
        p.requireObject(Set.of("rpm", "coPct", "co2Pct", "o2Pct", "hcPpm"));
        return new Measurements.GasPhase(p.field("rpm").required().nonNegative(),
                p.field("coPct").required().percent(), p.field("co2Pct").required().percent(),
                p.field("o2Pct").required().percent(), p.field("hcPpm").required().nonNegative());
    }

    private static Measurements.Opacity opacity(Node o) {
        o.requireObject(Set.of("unit", "governedSpeedReachedS", "sets", "zeroDriftK"));
        OpacityUnit unit = o.field("unit").required().text(s -> JsonEnums.parse(OpacityUnit.values(), s, OpacityUnit::json));
        OptionalDouble governed = o.field("governedSpeedReachedS").optional()
                .map(n -> OptionalDouble.of(n.nonNegative())).orElse(OptionalDouble.empty());
        List<List<Double>> sets = new ArrayList<>();
        o.field("sets").required().nonEmptyElements().forEach(set -> {
            List<Node> peaks = set.nonEmptyElements();
            if (peaks.size() != 3) set.fail("a set holds exactly 3 peaks, got " + peaks.size());
            List<Double> values = new ArrayList<>(3);
            for (Node peak : peaks) {
                double v = peak.nonNegative();
                // 100 % opacity is an infinite k: no opacimeter reports it as a valid reading.
                if (unit == OpacityUnit.PERCENT && v >= 100) peak.fail("opacity must be below 100 %, got " + v);
                values.add(v);
            }
            sets.add(List.copyOf(values));
        });
        OptionalDouble drift = o.field("zeroDriftK").optional().map(n -> OptionalDouble.of(n.number())).orElse(OptionalDouble.empty());
        return new Measurements.Opacity(unit, governed, sets, drift);
    }

    /** A JSON node with its path, and typed accessors that fail with that path. */
    private record Node(JsonNode json, String path) {
        Field field(String name) { return new Field(this, name); }

        void fail(String problem) { throw new InputException(path, problem); }

        void requireObject(Set<String> allowed) {
            if (!json.isObject()) fail("expected an object, got " + describe(json));
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw new InputException(child(name), "unknown field (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        String child(String name) { return path.isEmpty() ? name : path + "." + name; }

        <T> T text(Function<String, T> parse) {
            if (!json.isTextual()) fail("expected a string, got " + describe(json));
            try {
                return parse.apply(json.textValue());
            } catch (IllegalArgumentException e) {
                throw new InputException(path, e.getMessage());
            }
        }

        double number() {
            if (!json.isNumber()) fail("expected a number, got " + describe(json));
            double v = json.doubleValue();
            if (!Double.isFinite(v)) fail("must be a finite number");
            return v;
        }

        double nonNegative() {
            double v = number();
            if (v < 0) fail("must not be negative, got " + json.asText());
            return v;
        }

        double positive() {
            double v = number();
            if (v <= 0) fail("must be greater than zero, got " + json.asText());
            return v;
        }

        double percent() {
            double v = nonNegative();
            if (v > 100) fail("a percentage cannot exceed 100, got " + json.asText());
            return v;
        }

        int integer() {
            if (!json.isIntegralNumber() || !json.canConvertToInt()) fail("expected an integer, got " + describe(json));
            return json.intValue();
        }

        int positiveInt() {
            int v = integer();
            if (v <= 0) fail("must be greater than zero, got " + v);
            return v;
        }

        boolean bool() {
            if (!json.isBoolean()) fail("expected true or false, got " + describe(json));
            return json.booleanValue();
        }

        List<Node> elements() {
            if (!json.isArray()) fail("expected an array, got " + describe(json));
            List<Node> out = new ArrayList<>(json.size());
            for (int i = 0; i < json.size(); i++) out.add(new Node(json.get(i), path + "[" + i + "]"));
            return out;
        }

        List<Node> nonEmptyElements() {
            List<Node> out = elements();
            if (out.isEmpty()) fail("must not be empty");
            return out;
        }

        private static String describe(JsonNode n) {
            JsonNodeType t = n.getNodeType();
            return switch (t) {
                case STRING -> "the string \"" + n.textValue() + "\"";
                case NUMBER -> "the number " + n.asText();
                case BOOLEAN -> n.asText();
                case NULL -> "null";
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                default -> t.name().toLowerCase();
            };
        }
    }

    /** A named member of an object node: required (must be present and non-null) or optional. */
    private record Field(Node parent, String name) {
        Node required() {
            JsonNode n = parent.json().get(name);
            if (n == null || n.isNull()) throw new InputException(parent.child(name), "required field is missing");
            return new Node(n, parent.child(name));
        }

        Optional<Node> optional() {
            JsonNode n = parent.json().get(name);
            return n == null || n.isNull() ? Optional.empty() : Optional.of(new Node(n, parent.child(name)));
        }

        void fail(String problem) { throw new InputException(parent.child(name), problem); }
    }
}
