package co.rtm.agent.exam;

/** Why an exam station refuses a step, with the Spanish text shown to the person in front of it. */
public enum StationRefusal {
    NO_MATCH("La huella no corresponde al documento presentado"),
    LOW_QUALITY("La huella no se pudo leer; ponga el dedo otra vez"),
    NOT_ENROLLED("El documento no está en la réplica de la Registraduría"),
    IMPERSONATION("La huella corresponde a una persona inscrita con otro documento; se informó a la central"),
    NEW_IDENTIFICATION_REQUIRED("El examen suspendido se reinicia con una identificación nueva (art. 3.7.3.1.3)"),
    CLOSING_MISMATCH("La huella de cierre no corresponde al candidato que presentó el examen"),
    REPORTER_IS_EXAMINER("El resultado lo comunica una persona distinta del examinador (art. 3.7.3.2.3)"),
    EXAMINER_IS_CANDIDATE("El examinador no puede ser el candidato"),
    UNKNOWN_FAULT("La falta no está en el catálogo"),
    NOT_STORED("La estación se está deteniendo: el examen no quedó registrado");

    private final String spanish;

    StationRefusal(String spanish) {
        this.spanish = spanish;
    }

    public String spanish() {
        return spanish;
    }
}
