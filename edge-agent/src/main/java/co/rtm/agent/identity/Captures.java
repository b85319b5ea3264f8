package co.rtm.agent.identity;

import co.rtm.agent.identity.IdentityException.Reason;
import co.rtm.agent.instruments.Fault;
import co.rtm.agent.instruments.FaultKind;
import co.rtm.agent.instruments.InstrumentEvent;
import co.rtm.agent.instruments.Reading;
import co.rtm.agent.instruments.Sample;
import co.rtm.agent.instruments.fingerprint.FingerprintExtractor;
import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import com.machinezoo.fingerprintio.iso19794p2v2011.Iso19794p2v2011Template;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintTemplate;

import java.time.Instant;
import java.util.List;

/**
 * Templates from what reaches the station: a fingerprint image (through the lane readers' {@link FingerprintExtractor},
 * so the same quality gates apply: a readable image, 250-1500 dpi, 8-60 mm a side, at least 12 minutiae), or an
 * ISO/IEC 19794-2 minutiae record (2005 or 2011 edition), the format a civil registry exports, imported through
 * fingerprintio by {@link FingerprintCompatibility#importTemplates(byte[])}.
 */
public final class Captures {

    private final FingerprintExtractor extractor;

    public Captures(FingerprintExtractor extractor) {
        this.extractor = extractor;
    }

    public Captures() {
        this(new FingerprintExtractor());
    }

    public int minMinutiae() {
        return extractor.minMinutiae();
    }

    /** The template of an encoded image (PNG, BMP, JPEG) scanned at {@code dpi}. */
    public FingerprintTemplate fromImage(byte[] image, double dpi) throws IdentityException {
        InstrumentEvent event = extractor.fromImage(image, dpi, Instant.EPOCH);
        if (event instanceof Reading r && r.sample() instanceof Sample.FingerprintCapture c) {
            return new FingerprintTemplate(c.template());
        }
        Fault f = (Fault) event;
        throw new IdentityException(f.kind() == FaultKind.BAD_FRAME ? Reason.UNREADABLE_IMAGE : Reason.LOW_QUALITY,
                f.detail());
    }

    /**
     * The template of an ISO/IEC 19794-2 record holding exactly one finger view with at least
     * {@link #minMinutiae()} minutiae. ANSI 378 and SourceAFIS's own format are refused: the replica takes what the
     * Registraduría exchanges.
     */
    public FingerprintTemplate fromIso(byte[] iso) throws IdentityException {
        TemplateFormat format = iso.length == 0 ? null : TemplateFormat.identify(iso);
        if (format != TemplateFormat.ISO_19794_2_2005 && format != TemplateFormat.ISO_19794_2_2011) {
            throw new IdentityException(Reason.BAD_TEMPLATE, "not an ISO/IEC 19794-2 template (" + iso.length
                    + " bytes" + (format == null ? "" : ", looks like " + format) + ")");
        }
        int views;
        int minutiae;
        try {
            if (format == TemplateFormat.ISO_19794_2_2005) {
                var t = new Iso19794p2v2005Template(iso);
                views = t.fingerprints.size();
                minutiae = views == 1 ? t.fingerprints.get(0).minutiae.size() : 0;
            } else {
                var t = new Iso19794p2v2011Template(iso);
                views = t.fingerprints.size();
                minutiae = views == 1 ? t.fingerprints.get(0).minutiae.size() : 0;
            }
        } catch (RuntimeException e) { // fingerprintio signals a malformed record with unchecked exceptions
            throw new IdentityException(Reason.BAD_TEMPLATE, "malformed " + format + " template: " + e.getMessage());
        }
        if (views != 1) {
            throw new IdentityException(Reason.BAD_TEMPLATE, format + " template holds " + views
                    + " finger views, exactly 1 expected");
        }
        if (minutiae < extractor.minMinutiae()) {
            throw new IdentityException(Reason.LOW_QUALITY, "only " + minutiae + " minutiae in the " + format
                    + " template, at least " + extractor.minMinutiae() + " needed");
        }
        List<FingerprintTemplate> imported;
        try {
            imported = FingerprintCompatibility.importTemplates(iso);
        } catch (RuntimeException e) {
            throw new IdentityException(Reason.BAD_TEMPLATE, "cannot import " + format + " template: " + e.getMessage());
        }
        return imported.get(0);
    }

    /** The template as ISO/IEC 19794-2:2005, what another AFIS reads (fingerprintio through SourceAFIS). */
    public static byte[] toIso(FingerprintTemplate template) {
        return FingerprintCompatibility.exportTemplates(TemplateFormat.ISO_19794_2_2005, template);
    }
}
