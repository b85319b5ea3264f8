package co.rtm.hub.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** The reading side of the documents, as a phone or a reviewer would: render a PDF page, find its QR code, read its text. */
public final class QrDecoding {
    private QrDecoding() {
    }

    /**
     * Renders the first page at 150 dpi in grey and decodes the QR code on it. ZXing's finder-pattern detector misses
     * a few percent of codes even on a perfect image (the data modules happen to look like a finder pattern); a
     * phone then tilts or moves. So do we: the page turned a quarter, then at 300 dpi, before giving up.
     */
    public static String qrOfFirstPage(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
            try {
                return decode(page);
            } catch (NotFoundException first) {
                try {
                    return decode(quarterTurn(page));
                } catch (NotFoundException second) {
                    return decode(new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY));
                }
            }
        }
    }

    private static BufferedImage quarterTurn(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getHeight(), in.getWidth(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                out.setRGB(in.getHeight() - 1 - y, x, in.getRGB(x, y));
            }
        }
        return out;
    }

    static String decode(BufferedImage image) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** All the text of the PDF, as PDFBox's text stripper extracts it. */
    public static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
