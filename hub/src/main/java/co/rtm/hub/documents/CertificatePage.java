package co.rtm.hub.documents;

import co.rtm.hub.ledger.CertificateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A certificate as a printable HTML page with its QR code: the RTMyEC certificate of an approved inspection
 * (art. 3.3.1.5 h) or the certificate of an approved CALE exam (art. 3.7.3.2.5).
 */
public final class CertificatePage {
    private CertificatePage() {
    }

    static String title(IssuedCertificate c) {
        return c.kind() == CertificateKind.RTM
                ? "Certificado de revisión técnico-mecánica y de emisiones contaminantes"
                : "Certificado de aprobación de examen (CALE)";
    }

    /** The facts the certificate states, label then value (the PDF prints the same). */
    static List<Map.Entry<String, String>> facts(IssuedCertificate c) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("Número de certificado", c.kind() + "-" + c.number()));
        if (c.kind() == CertificateKind.RTM) {
            out.add(Map.entry("Placa", c.subject()));
            out.add(Map.entry("Número de FUR", c.furNumber() == null ? "—" : Long.toString(c.furNumber())));
            out.add(Map.entry("Centro de Diagnóstico Automotor", c.centerName() + " (" + c.centerId() + ")"));
            out.add(Map.entry("Fecha de la revisión", Words.time(c.testedAt())));
        } else {
            out.add(Map.entry("Documento del aspirante", c.subject()));
            if (c.exam() != null) {
                out.add(Map.entry("Examen", ("THEORY".equals(c.exam().part()) ? "teórico" : "práctico")
                        + ", categoría " + c.exam().category() + ", trámite " + c.exam().procedure()));
            }
            out.add(Map.entry("CALE", c.centerName() + " (" + c.centerId() + ")"));
            out.add(Map.entry("Fecha del examen", Words.time(c.exam() == null ? c.testedAt() : c.exam().closedAt())));
        }
        out.add(Map.entry("Estación", c.stationId()));
        out.add(Map.entry("Expedido por el hub", Words.time(c.issuedAt())));
        return out;
    }

    public static String render(IssuedCertificate c, String qrText) {
        String b = "<div class=\"qr\">" + QrCodes.svg(qrText, "4.5cm") + "<br>Verifique en /verify</div>"
                + "<h1>" + Html.esc(title(c)) + "</h1>"
                + "<p class=\"verdict\">N.º " + Html.esc(c.kind() + "-" + c.number()) + "</p>"
                + Html.facts(facts(c))
                + "<h2>Verificación</h2><p>El código QR lleva el número del certificado firmado por el hub. "
                + "Escanéelo y péguelo en la página pública <b>/verify</b> del hub, o verifíquelo sin conexión con la "
                + "clave pública publicada en <b>/api/public/hub-key</b>.</p>"
                + "<p class=\"seal\">" + Html.esc(qrText) + "</p>"
                + "<p class=\"noprint\"><a href=\"" + c.number() + ".pdf\">PDF</a></p>";
        return Html.page(title(c) + " " + c.kind() + "-" + c.number(), b);
    }
}
