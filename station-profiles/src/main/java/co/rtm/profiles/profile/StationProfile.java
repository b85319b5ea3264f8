package co.rtm.profiles.profile;

import co.rtm.profiles.vehicle.Vehicle;
import co.rtm.profiles.vehicle.VehicleKind;

import java.util.List;

/**
 * A versioned station profile: what kind of station it is, which instruments it has, and for a lane the
 * vehicle kinds its class allows and its tests in order; for a CALE station the exam rules. Rules themselves
 * live in the rulebook the profile names ({@code rulebook: rtmyec@1}). {@code minimumInspectionSeconds}, for a
 * lane, is the shortest an inspection may last before the hub refuses it as implausible
 * ({@code TOO_SHORT_INSPECTION}); null: no minimum. {@code identity}, for a CALE station, is how it identifies the
 * candidate ({@link IdentityRules}); null: the default match threshold.
 */
public record StationProfile(String id, int version, StationType station, String title, boolean mobile,
                             String rulebook, List<String> instruments, List<VehicleKind> vehicleKinds,
                             List<ProfileTest> tests, TheoryBlueprint theory, PracticalRules practical,
                             Integer minimumInspectionSeconds, IdentityRules identity) {
    public StationProfile {
        if (id == null || !id.matches("[a-z0-9-]{2,40}")) throw new IllegalArgumentException("'id' must match [a-z0-9-]{2,40}");
        if (version < 1) throw new IllegalArgumentException("'version' must be at least 1");
        if (station == null) throw new IllegalArgumentException("'station' is required");
        if (title == null || title.isBlank()) throw new IllegalArgumentException("'title' is required");
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
        vehicleKinds = vehicleKinds == null ? List.of() : List.copyOf(vehicleKinds);
        tests = tests == null ? List.of() : List.copyOf(tests);
        switch (station) {
            case CDA_LANE -> {
                if (rulebook == null) throw new IllegalArgumentException("a lane needs 'rulebook'");
                if (vehicleKinds.isEmpty()) throw new IllegalArgumentException("a lane needs 'vehicleKinds'");
                if (tests.isEmpty()) throw new IllegalArgumentException("a lane needs 'tests'");
                if (instruments.isEmpty()) throw new IllegalArgumentException("a lane needs 'instruments'");
                if (theory != null || practical != null) throw new IllegalArgumentException("a lane has no 'theory' or 'practical'");
                if (minimumInspectionSeconds != null && minimumInspectionSeconds < 1) {
                    throw new IllegalArgumentException("'minimumInspectionSeconds' must be at least 1");
                }
            }
            case CALE_THEORY -> {
                if (theory == null) throw new IllegalArgumentException("a theory station needs 'theory'");
                if (!tests.isEmpty() || practical != null) throw new IllegalArgumentException("a theory station has no 'tests' or 'practical'");
            }
            case CALE_PRACTICAL -> {
                if (practical == null) throw new IllegalArgumentException("a practical station needs 'practical'");
                if (!tests.isEmpty() || theory != null) throw new IllegalArgumentException("a practical station has no 'tests' or 'theory'");
            }
        }
        if (station == StationType.CDA_LANE && identity != null) {
            throw new IllegalArgumentException("only a CALE station has 'identity'");
        }
        if (station != StationType.CDA_LANE && minimumInspectionSeconds != null) {
            throw new IllegalArgumentException("only a lane has 'minimumInspectionSeconds'");
        }
    }

    /** {@code id@version}, as carried in messages and config. */
    public String ref() { return id + "@" + version; }

    public boolean accepts(VehicleKind kind) { return vehicleKinds.contains(kind); }

    /** The tests this vehicle must pass on this lane, in the lane's order. */
    public List<ProfileTest> requiredTests(Vehicle v) {
        return tests.stream().filter(t -> t.requiredFor(v)).toList();
    }
}
