package co.rtm.hub.documents;

/** The public verification page: a form for a scanned QR text or a number, and the answer in words. */
public final class VerifyPage {
    private VerifyPage() {
    }

    /** The form alone, or with the answer to {@code asked} when one was asked. */
    public static String render(String asked, Verification v) {
        StringBuilder b = new StringBuilder("<h1>Verificación de certificados</h1>");
        b.append("<form method=\"get\" action=\"/verify\" class=\"noprint\">")
                .append("<p><label for=\"qr\">Texto del código QR escaneado</label><br>")
                .append("<input type=\"text\" id=\"qr\" name=\"qr\" autocomplete=\"off\"></p>")
                .append("<p>o <label for=\"number\">número de certificado</label> (p. ej. RTM-42 o CALE-7): ")
                .append("<input type=\"text\" id=\"number\" name=\"number\" style=\"width:12em\"> ")
                .append("<button type=\"submit\">Verificar</button></p></form>");
        if (v != null) {
            b.append("<h2>Resultado</h2>");
            if (v.genuine()) {
                b.append("<p class=\"verdict ok\">AUTÉNTICO</p><p>")
                        .append("seal".equals(v.checked()) ? "La firma del hub es válida y coincide con el registro."
                                : "El número fue expedido por el hub. Compare la placa o el documento con el papel;"
                                + " para una prueba completa escanee el código QR.")
                        .append("</p><dl class=\"facts\">")
                        .append(dd("Certificado", v.kind() + "-" + v.number()))
                        .append(v.plate() != null ? dd("Placa", v.plate()) : dd("Documento", v.document()))
                        .append(dd("Expedido", Words.time(v.issuedAt())))
                        .append(dd("Centro", v.center())).append("</dl>");
            } else {
                b.append("<p class=\"verdict bad\">NO AUTÉNTICO</p><p>").append(Html.esc(v.reason())).append("</p>");
            }
            b.append("<p class=\"seal\">Consultado: ").append(Html.esc(asked)).append("</p>");
        }
        return Html.page("Verificación de certificados", b.toString());
    }

    private static String dd(String label, String value) {
        return "<dt>" + Html.esc(label) + "</dt><dd>" + Html.esc(value) + "</dd>";
    }
}
