package co.rtm.profiles.rules;

import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.vehicle.VehicleKind;

import java.util.List;

/**
 * One defect of the catalogue (Anexo 5 coding, art. 3.3.5.1.8). {@code electricExempt} marks the defects
 * that art. 3.3.9.6 waives for electric vehicles.
 */
public record CatalogueEntry(String code, DefectType type, TestKind test, String description,
                             List<VehicleKind> kinds, boolean electricExempt, String source, Confidence confidence) {
    public CatalogueEntry {
        Require.present(code, "code");
        Require.check(code.matches("\\d+(\\.\\d+)+"), "code '" + code + "' is not a dotted NTC code");
        Require.present(type, "type");
        Require.present(test, "test");
        Require.present(description, "description");
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        Require.present(source, "source");
        Require.present(confidence, "confidence");
    }
}
