package co.rtm.profiles.exam.practical;

import co.rtm.profiles.rules.RuleFileException;
import co.rtm.profiles.rules.YamlFiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The practical-exam fault catalogue, as data. The assessment criteria were left to the ANSV (art. 3.7.3.2.4 b) and
 * are not in the seed, so the shipped catalogue is this project's plausible one. The score starts at
 * {@code maxPoints} and each recorded fault takes off its weight; {@code eliminatoryFailsAtOnce} says whether one
 * ELIMINATORIA fault fails the exam whatever the points (the seed does not say, cale.md §8.7).
 */
public record FaultCatalogue(String id, int version, int maxPoints, boolean eliminatoryFailsAtOnce, List<Fault> faults) {
    public static final String RESOURCE = "/co/rtm/profiles/exam/practical-faults.yaml";

    public FaultCatalogue {
        if (id == null || !id.matches("[a-z0-9-]{2,40}")) throw new IllegalArgumentException("'id' must match [a-z0-9-]{2,40}");
        if (version < 1) throw new IllegalArgumentException("'version' must be at least 1");
        if (maxPoints < 1) throw new IllegalArgumentException("'maxPoints' must be positive");
        if (faults == null || faults.isEmpty()) throw new IllegalArgumentException("'faults' is required");
        faults = List.copyOf(faults);
        Map<String, Fault> seen = new LinkedHashMap<>();
        for (Fault f : faults) {
            if (seen.put(f.code(), f) != null) throw new IllegalArgumentException("fault code " + f.code() + " appears twice");
            if (f.weight() > maxPoints) throw new IllegalArgumentException("fault " + f.code() + ": weight " + f.weight() + " exceeds maxPoints " + maxPoints);
        }
    }

    private static final class Shipped {
        static final FaultCatalogue CATALOGUE = load("practical-faults.yaml", YamlFiles.resource(RESOURCE));
    }

    public static FaultCatalogue builtIn() { return Shipped.CATALOGUE; }

    /** Reads a catalogue file; errors name the file, line and field ({@link RuleFileException}). */
    public static FaultCatalogue load(String fileName, String yaml) {
        return YamlFiles.read(fileName, yaml, FaultCatalogue.class);
    }

    /** {@code id@version}, carried in exam messages. */
    public String ref() { return id + "@" + version; }

    public Optional<Fault> fault(String code) {
        return faults.stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
