package co.rtm.profiles.exam.practical;

import java.util.Objects;

/** A catalogue fault: code, the part where it is assessed, severity, points deducted, Spanish description. */
public record Fault(String code, PracticalPart part, Severity severity, int weight, String description) {
    public Fault {
        if (code == null || !code.matches("[A-Z]{2}-[0-9]{2}")) throw new IllegalArgumentException("fault 'code' must look like DE-01, not '" + code + "'");
        Objects.requireNonNull(part, "fault " + code + " needs 'part'");
        Objects.requireNonNull(severity, "fault " + code + " needs 'severity'");
        if (weight < 0) throw new IllegalArgumentException("fault " + code + ": 'weight' must not be negative");
        if (description == null || description.isBlank()) throw new IllegalArgumentException("fault " + code + " needs 'description'");
    }
}
