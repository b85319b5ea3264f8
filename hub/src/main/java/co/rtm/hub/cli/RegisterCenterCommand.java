package co.rtm.hub.cli;

import co.rtm.hub.registry.Actors;
import co.rtm.hub.registry.CenterClass;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.CenterLocation;
import co.rtm.hub.registry.CenterRegistration;
import co.rtm.hub.registry.CenterRules;
import co.rtm.hub.registry.OpeningHours;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "register-center", mixinStandardHelpOptions = true,
        description = {"Register what a centre may do: its class (art. 3.3.3.6), opening hours (America/Bogota, "
                + "art. 3.3.5.2.4), the last day of its accreditation and of its environmental certificate (art. 3.3.1.2 b, "
                + "3.3.1.5 g), and where it is. Results outside them are refused.",
                "Options not given keep their stored value; 'none' removes one (not registered: not checked). "
                        + "Creates the centre if absent. Works while 'hub serve' runs; serve sees the change at once."})
final class RegisterCenterCommand implements Callable<Integer> {
    private static final String NONE = "none";

    @Mixin
    HubDatabase store = new HubDatabase();

    @Option(names = "--center", required = true, paramLabel = "ID", description = "centre id")
    String centerId;

    @Option(names = "--class", paramLabel = "A|B|C|D", description = "centre class, or none")
    String centerClass;

    @Option(names = "--hours", paramLabel = "TEXT",
            description = "e.g. \"mon-fri 07:00-18:00; sat 08:00-13:00; holidays closed\" (ranges include their start, "
                    + "not their end; holidays: closed, open or 'as sat'), or none (always open)")
    String hours;

    @Option(names = "--accreditation-until", paramLabel = "YYYY-MM-DD",
            description = "last day the accreditation is valid, or none")
    String accreditationUntil;

    @Option(names = "--environmental-until", paramLabel = "YYYY-MM-DD",
            description = "last day the environmental authority's certificate is valid, or none")
    String environmentalUntil;

    @Option(names = "--department", paramLabel = "TEXT", description = "department of the sede, or none")
    String department;

    @Option(names = "--municipality", paramLabel = "TEXT", description = "municipality of the sede, or none")
    String municipality;

    @Option(names = "--address", paramLabel = "TEXT", description = "address of the sede, or none")
    String address;

    @Option(names = "--lat", paramLabel = "DEGREES", description = "latitude (WGS84, with --lon), or none")
    String latitude;

    @Option(names = "--lon", paramLabel = "DEGREES", description = "longitude (WGS84, with --lat), or none")
    String longitude;

    @Option(names = "--kind", paramLabel = "CDA|MOBILE|CALE", defaultValue = "CDA",
            description = "kind of a centre created here (default ${DEFAULT-VALUE}); ignored for an existing one")
    String kind;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UnaryOperator<CenterRules> change = changes();
        CenterKind newKind = CenterRegistration.kind(kind);
        CenterRegistration.Registered registered;
        try (Database db = store.open()) {
            registered = CenterRegistration.register(new Registry(db, Clock.systemUTC()).actingAs(Actors.cli()), centerId, newKind, change, false);
        }
        boolean created = registered.created();
        CenterKind storedKind = registered.center().kind();
        CenterRules stored = registered.rules();
        spec.commandLine().getOut().println((created ? "created centre " : "centre ") + centerId + " (" + storedKind
                + "): " + describe(stored));
        return 0;
    }

    static String describe(CenterRules r) {
        return (r.centerClass() == null ? "class not registered" : "class " + r.centerClass())
                + ", hours " + (r.hoursRegistered() ? "\"" + r.hoursText() + "\"" : "not registered (always open)")
                + ", accreditation " + (r.accreditedUntil() == null ? "not registered" : "valid until " + r.accreditedUntil())
                + ", environmental certificate " + (r.environmentalUntil() == null ? "not registered"
                : "valid until " + r.environmentalUntil())
                + ", location " + describe(r.location());
    }

    private static String describe(CenterLocation l) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {l.address(), l.municipality(), l.department()}) {
            if (s != null) {
                parts.add(s);
            }
        }
        if (l.latitude() != null) {
            parts.add("(" + l.latitude() + ", " + l.longitude() + ")");
        }
        return parts.isEmpty() ? "not registered" : "\"" + String.join(", ", parts) + "\"";
    }

    private UnaryOperator<CenterRules> changes() {
        UnaryOperator<CenterRules> change = UnaryOperator.identity();
        if (centerClass != null) {
            CenterClass c = isNone(centerClass) ? null : CenterClass.parse(centerClass);
            change = then(change, r -> r.withClass(c));
        }
        if (hours != null) {
            OpeningHours h = isNone(hours) ? null : OpeningHours.parse(hours);
            change = then(change, r -> r.withHours(h));
        }
        if (accreditationUntil != null) {
            LocalDate until = isNone(accreditationUntil) ? null : date("--accreditation-until", accreditationUntil);
            change = then(change, r -> r.withAccreditedUntil(until));
        }
        if (environmentalUntil != null) {
            LocalDate until = isNone(environmentalUntil) ? null : date("--environmental-until", environmentalUntil);
            change = then(change, r -> r.withEnvironmentalUntil(until));
        }
        if (department != null) {
            String text = isNone(department) ? null : department;
            change = then(change, r -> r.withLocation(r.location().withDepartment(text)));
        }
        if (municipality != null) {
            String text = isNone(municipality) ? null : municipality;
            change = then(change, r -> r.withLocation(r.location().withMunicipality(text)));
        }
        if (address != null) {
            String text = isNone(address) ? null : address;
            change = then(change, r -> r.withLocation(r.location().withAddress(text)));
        }
        if (latitude != null || longitude != null) {
            if (latitude == null || longitude == null || isNone(latitude) != isNone(longitude)) {
                throw new IllegalArgumentException("--lat and --lon go together: give both, or both none");
            }
            Double lat = isNone(latitude) ? null : degrees("--lat", latitude);
            Double lon = isNone(longitude) ? null : degrees("--lon", longitude);
            change = then(change, r -> r.withLocation(r.location().withCoordinates(lat, lon)));
        }
        return change;
    }

    private static UnaryOperator<CenterRules> then(UnaryOperator<CenterRules> first, UnaryOperator<CenterRules> next) {
        return r -> next.apply(first.apply(r));
    }

    private static boolean isNone(String value) {
        return value.trim().equalsIgnoreCase(NONE);
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date like 2027-06-30");
        }
    }

    private static Double degrees(String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not decimal degrees like 4.6097");
        }
    }
}
