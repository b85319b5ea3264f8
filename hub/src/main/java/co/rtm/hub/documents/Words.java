package co.rtm.hub.documents;

import co.rtm.profiles.inspection.TestKind;
import co.rtm.profiles.scoring.Measured;
import co.rtm.profiles.vehicle.Vehicle;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Spanish text of the documents, shared by the HTML pages and the PDFs so both say the same: labels, times in
 * Colombia, the FUR's facts and measurement rows.
 */
final class Words {
    static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Words() {
    }

    /** An instant as Colombian local time, e.g. {@code 2026-11-20 10:15:00 (hora de Colombia)}. */
    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant.atZone(BOGOTA)) + " (hora de Colombia)";
    }

    static String test(TestKind t) {
        return switch (t) {
            case BRAKES -> "Frenos";
            case SUSPENSION -> "Suspensión";
            case SIDESLIP -> "Alineación (desviación lateral)";
            case LIGHTS -> "Luces";
            case TYRES -> "Llantas (profundidad de labrado)";
            case GAS -> "Emisiones (gases)";
            case OPACITY -> "Emisiones (opacidad)";
            case NOISE -> "Ruido";
            case TAXIMETER -> "Taxímetro";
            case SENSORY -> "Inspección sensorial";
        };
    }

    static String kind(co.rtm.profiles.vehicle.VehicleKind k) {
        return switch (k) {
            case LIGHT -> "liviano";
            case HEAVY -> "pesado";
            case MOTORCYCLE -> "motocicleta";
            case MOTOCARRO -> "motocarro";
        };
    }

    static String service(co.rtm.profiles.vehicle.Service s) {
        return switch (s) {
            case PARTICULAR -> "particular";
            case PUBLICO -> "público";
            case OFICIAL -> "oficial";
            case DIPLOMATICO -> "diplomático";
            case ENSENANZA -> "enseñanza";
        };
    }

    static String fuel(co.rtm.profiles.vehicle.Fuel f) {
        return switch (f) {
            case GASOLINE -> "gasolina";
            case DIESEL -> "diésel";
            case GNV -> "gas natural vehicular";
            case GLP -> "gas licuado de petróleo";
            case ELECTRIC -> "eléctrico";
            case HYBRID -> "híbrido";
        };
    }

    static String verdict(String verdict) {
        return switch (verdict) {
            case "APPROVED" -> "APROBADO";
            case "REJECTED" -> "RECHAZADO";
            case "INCOMPLETE" -> "INCOMPLETO";
            default -> verdict;
        };
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The FUR's facts, label then value, in the order the form prints them. */
    static List<Map.Entry<String, String>> furFacts(Fur f) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        Vehicle v = f.vehicle();
        out.add(Map.entry("Número de FUR", f.furText()));
        out.add(Map.entry("Número de certificado", f.certificateNumber() == null ? "No se expide (resultado "
                + verdict(f.verdict()).toLowerCase(Locale.ROOT) + ")" : f.certificateKind() + "-" + f.certificateNumber()));
        out.add(Map.entry("Resultado", verdict(f.verdict())));
        out.add(Map.entry("Centro (CDA)", f.centerName() + " (" + f.centerId() + ")"));
        out.add(Map.entry("Línea / estación", f.stationId() + " — perfil " + f.profile()));
        out.add(Map.entry("Inicio de la revisión", time(f.startedAt())));
        out.add(Map.entry("Fin de las pruebas", time(f.testedAt())));
        out.add(Map.entry("Recibido por el hub", time(f.receivedAt())));
        if (f.retestOfFur() != null) {
            out.add(Map.entry("Reinspección del FUR", f.retestOfFur()));
        }
        out.add(Map.entry("Placa", v.plate()));
        out.add(Map.entry("Vehículo", kind(v.kind()) + ", servicio " + service(v.service())
                + ", combustible " + fuel(v.fuel()) + ", modelo " + v.modelYear()
                + (v.displacementCc().isPresent() ? ", " + v.displacementCc().getAsInt() + " cc" : "")));
        out.add(Map.entry("Propietario", f.owner().isEmpty() ? "No consignado en el mensaje de la línea"
                : String.join(", ", f.owner().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList())));
        out.add(Map.entry("Inspectores", f.inspectors().isEmpty() ? "—" : String.join(", ", f.inspectors().stream()
                .map(i -> i.name() == null ? i.document() : i.name() + " (" + i.document() + ")").toList())));
        out.add(Map.entry("Fotografía", f.photo() == null ? "Sin referencia" : f.photo()));
        out.add(Map.entry("Defectos", f.typeA() + " tipo A, " + f.typeB() + " tipo B"));
        if (f.emissionRegime() != null) {
            out.add(Map.entry("Régimen de emisiones", f.emissionRegime()));
        }
        return out;
    }

    static final String[] MEASURED_HEADER = {"Prueba", "Elemento", "Valor", "Límite", "Unidad", "Resultado"};

    static String[] measuredRow(Measured m) {
        return new String[] {test(m.test()), m.label().isEmpty() ? m.quantity().substring(m.quantity().indexOf('.') + 1)
                : m.quantity().substring(m.quantity().indexOf('.') + 1) + " (" + m.label() + ")",
                number(m.value()), m.limitText(), m.unit() == null ? "" : m.unit(),
                m.passed() ? "Cumple" : "No cumple: " + m.defectCode()};
    }

    static final String[] DEFECT_HEADER = {"Código", "Tipo", "Prueba", "Medido", "Límite", "Descripción"};

    static String[] defectRow(co.rtm.profiles.scoring.Defect d) {
        return new String[] {d.code(), d.type().name(), test(d.test()), d.measured() == null ? "—" : number(d.measured())
                + (d.unit() == null ? "" : " " + d.unit()), d.limit() == null ? "—" : number(d.limit()), d.description()};
    }
}
