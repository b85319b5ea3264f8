package co.rtm.profiles.profile;

import co.rtm.profiles.rules.RuleFileException;
import co.rtm.profiles.rules.YamlFiles;
import co.rtm.profiles.vehicle.VehicleKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The station profiles shipped with this build, and loading of profile files. */
public final class Profiles {
    /** Shipped profile files, one per station kind. */
    public static final List<String> BUILT_IN = List.of("cda-light", "cda-heavy", "cda-motorcycle",
            "cda-light-mobile", "cda-heavy-mobile", "cda-motorcycle-mobile", "cale-theory", "cale-practical");

    private static final Map<String, StationProfile> SHIPPED = loadShipped();

    private Profiles() {}

    public static StationProfile load(String fileName, String yaml) {
        StationProfile p = YamlFiles.read(fileName, yaml, StationProfile.class);
        String expected = fileName.replaceAll(".*/", "").replaceAll("\\.ya?ml$", "");
        if (!p.id().equals(expected)) {
            throw new RuleFileException(fileName, YamlFiles.lineOf(yaml, "id:"), "id", "profile id '" + p.id() + "' does not match its file name '" + expected + "'");
        }
        return p;
    }

    public static Optional<StationProfile> builtIn(String id) { return Optional.ofNullable(SHIPPED.get(id)); }

    public static List<StationProfile> all() { return List.copyOf(SHIPPED.values()); }

    /** The fixed lane that scores a vehicle kind when no station profile is given (the {@code score} command). */
    public static StationProfile defaultLaneFor(VehicleKind kind) {
        return SHIPPED.get(switch (kind) {
            case LIGHT, MOTOCARRO -> "cda-light";
            case HEAVY -> "cda-heavy";
            case MOTORCYCLE -> "cda-motorcycle";
        });
    }

    private static Map<String, StationProfile> loadShipped() {
        Map<String, StationProfile> map = new LinkedHashMap<>();
        for (String id : BUILT_IN) {
            String file = id + ".yaml";
            map.put(id, load(file, YamlFiles.resource("/co/rtm/profiles/profiles/" + file)));
        }
        return Map.copyOf(map);
    }
}
