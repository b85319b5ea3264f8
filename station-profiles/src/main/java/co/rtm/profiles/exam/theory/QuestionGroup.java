package co.rtm.profiles.exam.theory;

/**
 * The four theory-exam groups of art. 3.7.3.1.3 (seed lines 2552-2561), in blueprint order (20/30/30/20 %).
 * Written as Roman numerals in bank files and messages.
 */
public enum QuestionGroup {
    I("Normas de Tránsito"),
    II("Seguridad Vial"),
    III("Señalización e Infraestructura"),
    IV("Vehículos y Equipos de Seguridad");

    private final String title;

    QuestionGroup(String title) { this.title = title; }

    public String title() { return title; }

    /** 0 for I .. 3 for IV: the index into {@code TheoryBlueprint.questionsPerGroup}. */
    public int index() { return ordinal(); }
}
