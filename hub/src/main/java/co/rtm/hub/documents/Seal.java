package co.rtm.hub.documents;

import co.rtm.hub.ledger.CertificateKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a certificate's QR code vouches for: the certificate kind and number, the plate (RTM) or the candidate's
 * document (CALE) and when the hub issued it. {@link #signedText()} is exactly the text the hub signs
 * (docs/documents.md): {@code RTM1.<kind>.<number>.<subject>.<issuedAt>}, US-ASCII, issuedAt in UTC as
 * {@code yyyyMMdd'T'HHmmss'Z'}.
 */
public record Seal(CertificateKind kind, long number, String subject, Instant issuedAt) {
    /** Format version and domain tag: a signature over this text can never be a valid JWS signing input. */
    public static final String PREFIX = "RTM1";
    private static final Pattern SUBJECT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
    static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public Seal {
        Objects.requireNonNull(kind, "kind");
        if (number < 1) {
            throw new IllegalArgumentException("certificate number must be positive: " + number);
        }
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("plate or document must be 1-32 of A-Z, 0-9, '-': " + subject);
        }
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public String signedText() {
        return PREFIX + "." + kind.name() + "." + number + "." + subject + "." + ISSUED.format(issuedAt);
    }

    /**
     * Parses the text {@link #signedText()} makes; anything else (another prefix, a non-canonical number or date)
     * is refused, so one seal has one text.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Seal parse(String text) {
        String[] p = text.split("\\.", -1);
        if (p.length != 5 || !PREFIX.equals(p[0])) {
            throw new IllegalArgumentException("not an " + PREFIX + " certificate seal");
        }
        CertificateKind kind;
        try {
            kind = CertificateKind.valueOf(p[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown certificate kind '" + p[1] + "'");
        }
        if (!NUMBER.matcher(p[2]).matches()) {
            throw new IllegalArgumentException("bad certificate number '" + p[2] + "'");
        }
        Instant issued;
        try {
            issued = Instant.from(ISSUED.parse(p[4]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad issue time '" + p[4] + "'");
        }
        Seal seal = new Seal(kind, Long.parseLong(p[2]), p[3], issued);
        if (!seal.signedText().equals(text)) {
            throw new IllegalArgumentException("not in canonical form");
        }
        return seal;
    }
}
