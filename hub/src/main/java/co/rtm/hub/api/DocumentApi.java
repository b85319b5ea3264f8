package co.rtm.hub.api;

import co.rtm.hub.documents.CertificatePage;
import co.rtm.hub.documents.CertificateSeal;
import co.rtm.hub.documents.CertificateVerifier;
import co.rtm.hub.documents.Certificates;
import co.rtm.hub.documents.DocumentPdfs;
import co.rtm.hub.documents.Fur;
import co.rtm.hub.documents.FurPage;
import co.rtm.hub.documents.Furs;
import co.rtm.hub.documents.IssuedCertificate;
import co.rtm.hub.documents.Verification;
import co.rtm.hub.documents.VerifyPage;
import co.rtm.hub.ledger.CertificateKind;
import co.rtm.hub.store.Database;
import co.rtm.profiles.scoring.Scorer;
import co.rtm.profiles.wire.SigningKey;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The documents people hold (docs/documents.md): FURs (art. 3.3.5.1) and certificates (art. 3.3.1.5 h, 3.7.3.2.5) as
 * printable HTML and PDF for supervisors, and the public verification of a certificate's QR code or number, with the
 * hub's public key for offline checks. Without the hub key (an API started without one) certificates and
 * verification answer 503.
 */
final class DocumentApi {
    /** HTML pages load nothing from anywhere: inline styles and inline SVG only. */
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'";

    private final Furs furs;
    private final Certificates certificates;
    private final SigningKey hubKey;
    private final CertificateVerifier verifier;
    private final BiConsumer<Context, Object> ok;

    DocumentApi(Database db, SigningKey hubKey, BiConsumer<Context, Object> ok) {
        this.furs = new Furs(db, Scorer.builtIn());
        this.certificates = new Certificates(db);
        this.hubKey = hubKey;
        this.verifier = hubKey == null ? null : new CertificateVerifier(certificates, hubKey.verificationKey().raw());
        this.ok = ok;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/inspections/{messageId}/fur", Access.READ, ctx -> html(ctx, FurPage.render(fur(ctx)))),
                new Route("GET", "/api/inspections/{messageId}/fur.pdf", Access.READ, ctx -> {
                    Fur fur = fur(ctx);
                    pdf(ctx, "FUR-" + fur.furText(), DocumentPdfs.fur(fur));
                }),
                new Route("GET", "/api/inspections/{messageId}/certificate", Access.READ, this::inspectionCertificate),
                // the .pdf route first: Javalin takes the first path that matches
                new Route("GET", "/api/certificates/{kind}/{number}.pdf", Access.READ, ctx -> {
                    IssuedCertificate c = certificate(ctx);
                    pdf(ctx, "certificado-" + c.kind() + "-" + c.number(), DocumentPdfs.certificate(c, seal(c)));
                }),
                new Route("GET", "/api/certificates/{kind}/{number}", Access.READ, ctx -> {
                    IssuedCertificate c = certificate(ctx);
                    html(ctx, CertificatePage.render(c, seal(c)));
                }),
                new Route("GET", "/verify", Access.PUBLIC, this::verifyPage),
                new Route("GET", "/api/public/verify", Access.PUBLIC, ctx -> ok.accept(ctx, verify(ctx))),
                new Route("GET", "/api/public/hub-key", Access.PUBLIC, this::hubKey));
    }

    private Fur fur(Context ctx) {
        String id = ctx.pathParam("messageId");
        return furs.find(id).orElseThrow(() -> ApiException.of(404, "no accepted inspection " + id));
    }

    private void inspectionCertificate(Context ctx) {
        String id = ctx.pathParam("messageId");
        Fur fur = fur(ctx);
        IssuedCertificate c = certificates.ofResult(id).orElseThrow(() -> ApiException.of(404,
                "inspection " + id + " has no certificate: only approved inspections get one (it was " + fur.verdict() + ")"));
        html(ctx, CertificatePage.render(c, seal(c)));
    }

    private IssuedCertificate certificate(Context ctx) {
        String kindText = ctx.pathParam("kind").toUpperCase(Locale.ROOT);
        CertificateKind kind;
        try {
            kind = CertificateKind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("kind", "want RTM or CALE");
        }
        long number = Params.integer("number", ctx.pathParam("number"));
        return certificates.find(kind, number).orElseThrow(() -> ApiException.of(404, "no " + kind + " certificate " + number));
    }

    private String seal(IssuedCertificate c) {
        return CertificateSeal.sign(c.seal(), key());
    }

    private SigningKey key() {
        if (hubKey == null) {
            throw ApiException.of(503, "this API runs without the hub key: certificates cannot be sealed or verified");
        }
        return hubKey;
    }

    private Verification verify(Context ctx) {
        key();
        String qr = ctx.queryParam("qr");
        String number = ctx.queryParam("number");
        if (qr != null && !qr.isBlank()) {
            return verifier.qr(qr);
        }
        if (number != null && !number.isBlank()) {
            return verifier.number(number, ctx.queryParam("kind"));
        }
        throw ApiException.badParameter("qr", "give qr (the scanned text) or number");
    }

    private void verifyPage(Context ctx) {
        String qr = ctx.queryParam("qr");
        String number = ctx.queryParam("number");
        boolean asked = qr != null && !qr.isBlank() || number != null && !number.isBlank();
        html(ctx, VerifyPage.render(qr != null && !qr.isBlank() ? qr : number, asked ? verify(ctx) : null));
    }

    private void hubKey(Context ctx) {
        var k = key().verificationKey();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", k.toBase64Url());
        jwk.put("kid", k.kid());
        jwk.put("alg", "EdDSA");
        jwk.put("use", "sig");
        ctx.header("Cache-Control", "public, max-age=3600");
        ok.accept(ctx, jwk);
    }

    private static void html(Context ctx, String page) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    private static void pdf(Context ctx, String name, byte[] bytes) {
        ctx.header("Content-Disposition", "inline; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf\"");
        ctx.contentType("application/pdf").result(bytes);
    }
}
