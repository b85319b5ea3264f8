package co.rtm.hub.documents;


/** The PDFs of FURs and certificates, written directly with PDFBox: text, the measurement table, the QR code. */
public final class DocumentPdfs {
    private static final float[] MEASURED_WIDTHS = {0.17f, 0.27f, 0.1f, 0.14f, 0.1f, 0.22f};
    private static final float[] DEFECT_WIDTHS = {0.1f, 0.06f, 0.16f, 0.12f, 0.08f, 0.48f};
    private static final float QR_WIDTH = 150;

    private DocumentPdfs() {
    }

    public static byte[] fur(Fur f) {
        try (PdfSheet pdf = new PdfSheet("FUR " + f.furText())) {
            pdf.heading("Formato Uniforme de Resultados (FUR) " + f.furText(), 15);
            pdf.paragraph("Revisión técnico-mecánica y de emisiones contaminantes. Resultado: " + Words.verdict(f.verdict()), 10);
            pdf.facts(Words.furFacts(f), 9);
            pdf.heading("Mediciones y límites", 12);
            if (f.measured().isEmpty()) {
                pdf.paragraph("Sin mediciones.", 9);
            } else {
                pdf.table(Words.MEASURED_HEADER, f.measured().stream().map(Words::measuredRow).toList(), MEASURED_WIDTHS, 8);
            }
            pdf.heading("Defectos encontrados", 12);
            if (f.defects().isEmpty()) {
                pdf.paragraph("Ninguno.", 9);
            } else {
                pdf.table(Words.DEFECT_HEADER, f.defects().stream().map(Words::defectRow).toList(), DEFECT_WIDTHS, 8);
            }
            if (!f.invalid().isEmpty()) {
                pdf.heading("Pruebas no realizadas válidamente", 12);
                pdf.table(new String[] {"Prueba", "Motivo"}, f.invalid().stream()
                        .map(i -> new String[] {Words.test(i.test()), i.reason()}).toList(), new float[] {0.3f, 0.7f}, 8);
            }
            return pdf.finish();
        }
    }

    public static byte[] certificate(IssuedCertificate c, String qrText) {
        try (PdfSheet pdf = new PdfSheet(CertificatePage.title(c) + " " + c.kind() + "-" + c.number())) {
            pdf.qrTopRight(QrCodes.matrix(qrText), QR_WIDTH);
            pdf.keepRightClear(QR_WIDTH + 12);
            pdf.heading(CertificatePage.title(c), 14);
            pdf.heading("N.º " + c.kind() + "-" + c.number(), 13);
            pdf.facts(CertificatePage.facts(c), 10);
            pdf.heading("Verificación", 11);
            pdf.paragraph("El código QR lleva el número del certificado firmado por el hub. Escanéelo y péguelo en la "
                    + "página pública /verify del hub, o verifíquelo sin conexión con la clave pública publicada en "
                    + "/api/public/hub-key.", 9);
            pdf.paragraph(qrText, 7);
            return pdf.finish();
        }
    }

}
