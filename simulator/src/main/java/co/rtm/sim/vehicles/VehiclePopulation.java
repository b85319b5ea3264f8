package co.rtm.sim.vehicles;

import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.profile.ProfileTest;
import co.rtm.profiles.profile.Profiles;
import co.rtm.profiles.rules.EmissionRegime;
import co.rtm.profiles.rules.RuleBook;
import co.rtm.profiles.rules.RuleBookLoader;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.vehicle.Vehicle;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An endless, seeded stream of realistic scoring documents (DESIGN §5) for the vehicles that come to a Colombian
 * CDA: the fleet mix of {@link Fleet}, every test the vehicle's default lane requires for it (so gas or opacity by
 * fuel, a taximeter only when fitted), readings with realistic faults, and about a quarter of them rejected.
 * The same seed and time always give the same documents. Not thread-safe: one per thread.
 */
public final class VehiclePopulation {
    /** Colombia does not observe daylight saving time: lanes stamp results at -05:00 all year. */
    public static final ZoneOffset COLOMBIA = ZoneOffset.ofHours(-5);
    private static final LocalTime OPENING = LocalTime.of(6, 0);
    private static final int OPEN_SECONDS = 12 * 3600;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Dice dice;
    private final OffsetDateTime from;
    private final int spreadSeconds;
    private final RuleBook rules;
    private final EmissionReadings emissions;
    private final SensoryFindings sensory;

    private VehiclePopulation(long seed, OffsetDateTime from, int spreadSeconds, RuleBook rules) {
        this.dice = new Dice(seed);
        this.from = from;
        this.spreadSeconds = spreadSeconds;
        this.rules = rules;
        this.emissions = new EmissionReadings(rules);
        this.sensory = new SensoryFindings(rules.catalogue());
    }

    /** Every document tested at {@code testedAt}. */
    public static VehiclePopulation testedAt(long seed, OffsetDateTime testedAt) {
        return new VehiclePopulation(seed, testedAt, 0, RuleBookLoader.builtIn());
    }

    /** Documents tested at random seconds of {@code day}'s opening hours, 06:00 to 18:00 at -05:00. */
    public static VehiclePopulation overDay(long seed, LocalDate day) {
        return new VehiclePopulation(seed, OffsetDateTime.of(day, OPENING, COLOMBIA), OPEN_SECONDS, RuleBookLoader.builtIn());
    }

    /** The next document. */
    public ObjectNode next() {
        OffsetDateTime at = spreadSeconds == 0 ? from : from.plusSeconds(dice.nextInt(spreadSeconds));
        DrawnVehicle drawn = Fleet.draw(dice, at.getYear());
        Vehicle v = drawn.vehicle();
        String regime = rules.regimeOn(at.atZoneSameInstant(Scorer.BOGOTA).toLocalDate()).map(EmissionRegime::id).orElse(null);

        ObjectNode doc = JSON.objectNode();
        doc.put("testedAt", TIMESTAMP.format(at));
        doc.set("vehicle", vehicleJson(v));
        ObjectNode measurements = doc.putObject("measurements");
        for (ProfileTest test : Profiles.defaultLaneFor(v.kind()).requiredTests(v)) {
            ObjectNode reading = measure(test.test(), drawn, regime);
            if (reading != null) measurements.set(test.test().json(), reading);
        }
        ArrayNode codes = doc.putArray("sensoryDefects");
        sensory.draw(dice, drawn).forEach(codes::add);
        return doc;
    }

    /** The next {@code count} documents, as compact JSON. */
    public List<String> nextJson(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(next().toString());
        return out;
    }

    private ObjectNode measure(TestKind test, DrawnVehicle d, String regime) {
        return switch (test) {
            case BRAKES -> ChassisReadings.brakes(dice, d);
            case SUSPENSION -> ChassisReadings.suspension(dice, d);
            case SIDESLIP -> ChassisReadings.sideslip(dice, d);
            case TYRES -> ChassisReadings.tyres(dice, d);
            case LIGHTS -> LightReadings.lights(dice, d);
            case GAS -> emissions.gas(dice, d, regime);
            case OPACITY -> emissions.opacity(dice, d, regime);
            case NOISE -> EmissionReadings.noise(dice, d);
            case TAXIMETER -> taximeter(d);
            case SENSORY -> null;
        };
    }

    /** Distance and time error of a fitted taximeter, percent, signed. */
    private ObjectNode taximeter(DrawnVehicle d) {
        boolean out = dice.chance(Rates.TAXIMETER_OUT * d.failFactor());
        boolean outInDistance = dice.chance(0.6);
        double distance = out && outInDistance ? dice.sign() * dice.uniform(2.2, 5) : clamp(dice.normal(0, 0.7), 1.8);
        double time = out && !outInDistance ? dice.sign() * dice.uniform(2.2, 5) : clamp(dice.normal(0, 0.7), 1.8);
        return JSON.objectNode().put("distanceErrorPct", Dice.round(distance, 2)).put("timeErrorPct", Dice.round(time, 2));
    }

    private static double clamp(double value, double bound) {
        return Math.max(-bound, Math.min(bound, value));
    }

    private static ObjectNode vehicleJson(Vehicle v) {
        ObjectNode n = JSON.objectNode().put("plate", v.plate()).put("kind", v.kind().json())
                .put("service", v.service().json()).put("fuel", v.fuel().json()).put("modelYear", v.modelYear());
        v.displacementCc().ifPresent(cc -> n.put("displacementCc", cc));
        v.grossWeightKg().ifPresent(kg -> n.put("grossWeightKg", Math.round(kg)));
        v.axles().ifPresent(a -> n.put("axles", a));
        v.engineStrokes().ifPresent(s -> n.put("engineStrokes", s));
        return n.put("hasTaximeter", v.hasTaximeter()).put("twinWheels", v.twinWheels());
    }
}
