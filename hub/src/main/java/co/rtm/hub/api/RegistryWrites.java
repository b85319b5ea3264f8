package co.rtm.hub.api;

import co.rtm.hub.registry.Center;
import co.rtm.hub.registry.CenterClass;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.CenterLocation;
import co.rtm.hub.registry.CenterRegistration;
import co.rtm.hub.registry.CenterRules;
import co.rtm.hub.registry.InvalidField;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.registry.People;
import co.rtm.hub.registry.Person;
import co.rtm.hub.registry.PersonRole;
import co.rtm.hub.registry.Registry;
import co.rtm.profiles.person.DocumentId;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The admin's registry changes over the API, through the same {@link Registry} and {@link People} methods as the hub
 * commands (so each is audited the same way). A field absent from a body keeps its stored value; JSON null removes it.
 */
final class RegistryWrites {
    private static final Set<String> RULE_FIELDS = Set.of("centerClass", "hours", "accreditedUntil", "environmentalUntil",
            "department", "municipality", "address", "latitude", "longitude");
    private static final Set<String> PERSON_FIELDS = Set.of("document", "name", "role");

    private final Registry registry;
    private final People people;

    RegistryWrites(Registry registry, People people) {
        this.registry = registry;
        this.people = people;
    }

    /** The same writes, audited as made by {@code user}. */
    RegistryWrites by(String user) {
        return new RegistryWrites(registry.actingAs(user), people.actingAs(user));
    }

    /** PUT /api/centers/{id}/rules: the rules stored afterwards. */
    Map<String, Object> putRules(String centerId, JsonNode body) {
        Center center = center(centerId);
        onlyFields(body, RULE_FIELDS);
        return rulesView(registry.updateCenterRules(centerId, rulesChange(center.kind(), centerId, body)));
    }

    /**
     * POST /api/centers: creates a centre ({@code id}, {@code kind} CDA by default) with the rules fields of PUT
     * rules, through the same code path as {@code hub register-center}; refuses one that exists (409).
     */
    Map<String, Object> createCenter(JsonNode body) {
        Set<String> allowed = new java.util.HashSet<>(RULE_FIELDS);
        allowed.add("id");
        allowed.add("kind");
        onlyFields(body, allowed);
        String id = required(body, "id");
        String kindText = text(body, "kind");
        CenterKind kind = kindText == null ? CenterKind.CDA : parse("kind", () -> CenterRegistration.kind(kindText));
        UnaryOperator<CenterRules> change = rulesChange(kind, id, body);
        CenterRegistration.Registered r;
        try {
            r = CenterRegistration.register(registry, id, kind, change, true);
        } catch (InvalidField e) {
            throw ApiException.badParameter(e.field(), e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.of(409, e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.center().id());
        out.put("kind", r.center().kind().name());
        out.put("furSeriesCode", r.center().furSeriesCode());
        out.putAll(rulesView(r.rules()));
        return out;
    }

    private static UnaryOperator<CenterRules> rulesChange(CenterKind kind, String centerId, JsonNode body) {
        UnaryOperator<CenterRules> change = UnaryOperator.identity();
        if (body.has("centerClass")) {
            String text = text(body, "centerClass");
            CenterClass c = text == null ? null : parse("centerClass", () -> CenterClass.parse(text));
            if (c != null && kind == CenterKind.CALE) {
                throw ApiException.badParameter("centerClass", "centre " + centerId + " is a CALE; classes A-D are for CDAs"
                        + " and mobile lines");
            }
            change = then(change, r -> r.withClass(c));
        }
        if (body.has("hours")) {
            String text = text(body, "hours");
            OpeningHours h = text == null ? null : parse("hours", () -> OpeningHours.parse(text));
            change = then(change, r -> r.withHours(h));
        }
        if (body.has("accreditedUntil")) {
            LocalDate until = date(body, "accreditedUntil");
            change = then(change, r -> r.withAccreditedUntil(until));
        }
        if (body.has("environmentalUntil")) {
            LocalDate until = date(body, "environmentalUntil");
            change = then(change, r -> r.withEnvironmentalUntil(until));
        }
        if (body.has("department")) {
            String text = place(body, "department");
            change = then(change, r -> r.withLocation(r.location().withDepartment(text)));
        }
        if (body.has("municipality")) {
            String text = place(body, "municipality");
            change = then(change, r -> r.withLocation(r.location().withMunicipality(text)));
        }
        if (body.has("address")) {
            String text = place(body, "address");
            change = then(change, r -> r.withLocation(r.location().withAddress(text)));
        }
        if (body.has("latitude") || body.has("longitude")) {
            Double lat = degrees(body, "latitude", 90);
            Double lon = degrees(body, "longitude", 180);
            if ((lat == null) != (lon == null)) {
                throw ApiException.badParameter(lat == null ? "latitude" : "longitude",
                        "latitude and longitude go together: give both, or both null");
            }
            change = then(change, r -> r.withLocation(r.location().withCoordinates(lat, lon)));
        }
        return change;
    }

    /** PUT /api/stations/{id}/capacity. */
    Map<String, Object> putCapacity(String stationId, JsonNode body) {
        if (registry.findStation(stationId).isEmpty()) {
            throw ApiException.of(404, "no station " + stationId);
        }
        onlyFields(body, Set.of("capacityPerHour"));
        if (!body.has("capacityPerHour")) {
            throw ApiException.badParameter("capacityPerHour", "is required (null or 0: unlimited)");
        }
        JsonNode v = body.get("capacityPerHour");
        if (!v.isNull() && (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0)) {
            throw ApiException.badParameter("capacityPerHour", "want a whole number of inspections per hour, 0 or more");
        }
        Integer stored = registry.setCapacityPerHour(stationId, v.isNull() ? null : v.intValue());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stationId", stationId);
        out.put("capacityPerHour", stored);
        return out;
    }

    /** POST /api/centers/{id}/people: registers (or updates and reactivates) a person. */
    Map<String, Object> addPerson(String centerId, JsonNode body) {
        Center center = center(centerId);
        onlyFields(body, PERSON_FIELDS);
        DocumentId document = document(required(body, "document"));
        String name = required(body, "name");
        if (name.isBlank()) {
            throw ApiException.badParameter("name", "must not be blank");
        }
        String roleText = required(body, "role");
        PersonRole role = parse("role", () -> PersonRole.fromCli(roleText));
        if (center.kind() == CenterKind.CALE) {
            throw ApiException.of(409, "centre " + centerId
                    + " is a CALE; inspectors and technical directors are registered at CDAs and mobile lines");
        }
        return personView(people.register(centerId, document, name, role));
    }

    /** DELETE /api/centers/{id}/people/{document}: deactivates; the person stays registered. */
    Map<String, Object> deactivatePerson(String centerId, String documentText) {
        center(centerId);
        DocumentId document = document(documentText);
        if (people.find(centerId, document).isEmpty()) {
            throw ApiException.of(404, "no person " + document + " is registered at centre " + centerId);
        }
        return personView(people.deactivate(centerId, document));
    }

    /** Everyone the centre registered, active or not. */
    List<Map<String, Object>> people(String centerId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Person p : people.list(centerId)) {
            out.add(personView(p));
        }
        return out;
    }

    static Map<String, Object> rulesView(CenterRules r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.centerId());
        out.put("centerClass", r.centerClass() == null ? null : r.centerClass().name());
        out.put("openingHours", r.hoursText());
        out.put("accreditedUntil", r.accreditedUntil() == null ? null : r.accreditedUntil().toString());
        out.put("environmentalUntil", r.environmentalUntil() == null ? null : r.environmentalUntil().toString());
        CenterLocation at = r.location();
        out.put("department", at.department());
        out.put("municipality", at.municipality());
        out.put("address", at.address());
        out.put("latitude", at.latitude());
        out.put("longitude", at.longitude());
        return out;
    }

    static Map<String, Object> personView(Person p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("centerId", p.centerId());
        out.put("document", p.document().text());
        out.put("name", p.name());
        out.put("role", p.role().name());
        out.put("active", p.active());
        out.put("updatedAt", p.updatedAt());
        return out;
    }

    private Center center(String centerId) {
        return registry.findCenter(centerId).orElseThrow(() -> ApiException.of(404, "no centre " + centerId));
    }

    private static void onlyFields(JsonNode body, Set<String> allowed) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw ApiException.badParameter(field, "unknown field; known: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badParameter(field, "want a string or null");
        }
        return v.asText();
    }

    private static String required(JsonNode body, String field) {
        String text = text(body, field);
        if (text == null) {
            throw ApiException.badParameter(field, "is required");
        }
        return text;
    }

    private static LocalDate date(JsonNode body, String field) {
        String text = text(body, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(field, "'" + text + "' is not a date like 2027-06-30");
        }
    }

    private static String place(JsonNode body, String field) {
        String text = text(body, field);
        parse(field, () -> new CenterLocation(text, null, null, null, null));
        return text;
    }

    private static Double degrees(JsonNode body, String field, double bound) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || Math.abs(v.doubleValue()) > bound) {
            throw ApiException.badParameter(field, "want decimal degrees between -" + (int) bound + " and " + (int) bound);
        }
        return v.doubleValue();
    }

    private static DocumentId document(String text) {
        return parse("document", () -> DocumentId.parse(text));
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidField e) {
            throw ApiException.badParameter(e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(field, e.getMessage());
        }
    }

    private static UnaryOperator<CenterRules> then(UnaryOperator<CenterRules> first, UnaryOperator<CenterRules> next) {
        return r -> next.apply(first.apply(r));
    }
}
