package co.rtm.hub.documents;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A letter-size PDF written top to bottom (PDFBox, standard Helvetica, no embedded assets): headings, label/value
 * facts, tables that continue on new pages, and QR codes drawn as vector squares. Text outside WinAnsi is replaced
 * ({@code ≥} becomes {@code >=}). Not thread-safe; one per document.
 */
final class PdfSheet implements AutoCloseable {
    private static final float MARGIN = 42;
    private static final PDRectangle SIZE = PDRectangle.LETTER;

    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream out;
    private float y;
    /** Text right of this x is kept clear (the QR code's column on the first page). */
    private float right = SIZE.getWidth() - MARGIN;

    PdfSheet(String title) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(safe(title));
        info.setCreator("RTM hub");
        newPage();
    }

    void keepRightClear(float width) {
        right = SIZE.getWidth() - MARGIN - width;
    }

    void heading(String text, float size) {
        List<String> lines = wrap(bold, size, text, right - MARGIN);
        need(size * 1.3f * lines.size() + size * 0.4f);
        for (String line : lines) {
            y -= size * 1.3f;
            text(bold, size, MARGIN, y, line);
        }
        y -= size * 0.4f;
    }

    void paragraph(String text, float size) {
        for (String line : wrap(regular, size, text, right - MARGIN)) {
            need(size * 1.3f);
            y -= size * 1.3f;
            text(regular, size, MARGIN, y, line);
        }
    }

    void facts(List<Map.Entry<String, String>> facts, float size) {
        float labelWidth = 150;
        for (Map.Entry<String, String> f : facts) {
            List<String> lines = wrap(regular, size, f.getValue(), right - MARGIN - labelWidth);
            need(size * 1.3f * lines.size());
            y -= size * 1.3f;
            text(bold, size, MARGIN, y, f.getKey());
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    y -= size * 1.3f;
                }
                text(regular, size, MARGIN + labelWidth, y, lines.get(i));
            }
        }
        y -= size * 0.5f;
    }

    /** A table; {@code widths} are fractions of the text width. Rows that do not fit start a new page. */
    void table(String[] header, List<String[]> rows, float[] widths, float size) {
        right = SIZE.getWidth() - MARGIN;
        row(header, widths, size, true);
        for (String[] r : rows) {
            row(r, widths, size, false);
        }
        y -= size * 0.6f;
    }

    private void row(String[] cells, float[] widths, float size, boolean header) {
        float total = right - MARGIN;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> w = wrap(header ? bold : regular, size, cells[i], widths[i] * total - 4);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float height = lines * size * 1.25f + 3;
        need(height);
        try {
            out.setLineWidth(0.4f);
            out.addRect(MARGIN, y - height, total, height);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            for (int l = 0; l < wrapped.get(i).size(); l++) {
                text(header ? bold : regular, size, x + 2, y - size * 1.05f - l * size * 1.25f, wrapped.get(i).get(l));
            }
            x += widths[i] * total;
        }
        y -= height;
    }

    /** Draws {@code qr} with its top-right corner at the page's top-right margin, {@code width} points wide. */
    void qrTopRight(BitMatrix qr, float width) {
        float module = width / qr.getWidth();
        float left = SIZE.getWidth() - MARGIN - width;
        float top = SIZE.getHeight() - MARGIN;
        try {
            for (int my = 0; my < qr.getHeight(); my++) {
                for (int mx = 0; mx < qr.getWidth(); mx++) {
                    if (qr.get(mx, my)) {
                        out.addRect(left + mx * module, top - (my + 1) * module, module, module);
                    }
                }
            }
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] finish() {
        try {
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void need(float height) {
        if (y - height < MARGIN) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            newPage();
        }
    }

    private void newPage() {
        PDPage page = new PDPage(SIZE);
        doc.addPage(page);
        try {
            out = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = SIZE.getHeight() - MARGIN;
        right = SIZE.getWidth() - MARGIN;
    }

    private void text(PDType1Font font, float size, float x, float at, String s) {
        try {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, at);
            out.showText(s);
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(PDType1Font font, float size, String text, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(PDType1Font font, float size, String s) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text the standard fonts can show (WinAnsi): a few signs spelled out, anything else unknown as '?'. */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '≥' -> out.append(">=");
                case '≤' -> out.append("<=");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c < 0x100 || "–—‘’“”•€…".indexOf(c) >= 0 ? c : '?');
            }
        }
        return out.toString();
    }
}
