package co.rtm.hub.documents;


/** The FUR as a printable HTML page (art. 3.3.5.1). */
public final class FurPage {
    private FurPage() {
    }

    public static String render(Fur f) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Formato Uniforme de Resultados (FUR) ").append(Html.esc(f.furText())).append("</h1>");
        b.append("<p>Revisión técnico-mecánica y de emisiones contaminantes. Resultado: <span class=\"verdict\">")
                .append(Html.esc(Words.verdict(f.verdict()))).append("</span></p>");
        b.append(Html.facts(Words.furFacts(f)));
        b.append("<h2>Mediciones y límites</h2>");
        b.append(f.measured().isEmpty() ? "<p>Sin mediciones.</p>"
                : Html.table(Words.MEASURED_HEADER, f.measured().stream().map(Words::measuredRow).toList(), 5));
        b.append("<h2>Defectos encontrados</h2>");
        b.append(f.defects().isEmpty() ? "<p>Ninguno.</p>"
                : Html.table(Words.DEFECT_HEADER, f.defects().stream().map(Words::defectRow).toList(), -1));
        if (!f.invalid().isEmpty()) {
            b.append("<h2>Pruebas no realizadas válidamente</h2>");
            b.append(Html.table(new String[] {"Prueba", "Motivo"},
                    f.invalid().stream().map(i -> new String[] {Words.test(i.test()), i.reason()}).toList(), -1));
        }
        b.append("<p class=\"noprint\"><a href=\"fur.pdf\">PDF</a></p>");
        return Html.page("FUR " + f.furText() + " — " + f.vehicle().plate(), b.toString());
    }

}
