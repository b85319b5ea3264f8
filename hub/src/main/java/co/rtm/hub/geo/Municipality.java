package co.rtm.hub.geo;

/**
 * One Colombian municipality as DANE names it: the five-digit DIVIPOLA code (department code + three digits), its
 * name, its department, and DANE's official area (of the real boundary, not of the simplified one shipped here).
 */
public record Municipality(String code, String name, String department, String departmentCode, double areaKm2) {
    public Municipality {
        if (code == null || !code.matches("\\d{5}")) {
            throw new IllegalArgumentException("a DANE municipality code has five digits: " + code);
        }
        if (name == null || name.isBlank() || department == null || department.isBlank()) {
            throw new IllegalArgumentException("municipality " + code + " needs a name and a department");
        }
    }
}
