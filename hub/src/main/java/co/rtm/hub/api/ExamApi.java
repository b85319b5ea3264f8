package co.rtm.hub.api;

import co.rtm.hub.exam.Booking;
import co.rtm.hub.exam.Bookings;
import co.rtm.hub.exam.CandidateCertificates;
import co.rtm.hub.exam.ExamSearch;
import co.rtm.hub.store.Database;
import co.rtm.profiles.exam.ExamPart;
import co.rtm.profiles.exam.LicenceCategory;
import co.rtm.profiles.exam.Procedure;
import co.rtm.profiles.exam.eligibility.Certificate;
import co.rtm.profiles.exam.eligibility.CertificateKind;
import co.rtm.profiles.person.DocumentId;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The CALE exam endpoints (docs/cale-hub.md): exams and bookings (no-shows) to read, CRC/CEA certificates and
 * bookings for admins to record (audited).
 */
final class ExamApi {
    private static final Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

    private final ExamSearch exams;
    private final Bookings bookings;
    private final CandidateCertificates certificates;
    private final BiConsumer<Context, Object> ok;
    private final Function<Context, JsonNode> body;
    private final Function<Context, String> user;

    ExamApi(Database db, Clock clock, BiConsumer<Context, Object> ok, Function<Context, JsonNode> body,
            Function<Context, String> user) {
        this.exams = new ExamSearch(db);
        this.bookings = new Bookings(db, clock);
        this.certificates = new CandidateCertificates(db, clock);
        this.ok = ok;
        this.body = body;
        this.user = user;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/exams", Access.READ, this::exams),
                new Route("GET", "/api/exam-bookings", Access.READ, this::bookings),
                new Route("POST", "/api/exam-bookings", Access.ADMIN, this::book),
                new Route("GET", "/api/candidate-certificates", Access.READ, this::certificates),
                new Route("POST", "/api/candidate-certificates", Access.ADMIN, this::record));
    }

    private void exams(Context ctx) {
        String document = blank(ctx.queryParam("document"));
        Instant from = Params.instant("from", ctx.queryParam("from"));
        Instant to = Params.instant("to", ctx.queryParam("to"));
        String day = blank(ctx.queryParam("date"));
        if (day != null) {
            from = Params.instant("date", day);
            to = from.plusSeconds(86_400);
        }
        Params.requireOrder(from, to);
        ExamSearch.Query q = new ExamSearch.Query(document == null ? null : document(document, "document").text(),
                blank(ctx.queryParam("center")), from, to, Params.optionalLong("certificate", ctx.queryParam("certificate")));
        ok.accept(ctx, exams.find(q, Params.limit(ctx.queryParam("limit")), Params.offset(ctx.queryParam("offset"))));
    }

    private void bookings(Context ctx) {
        Instant from = Params.instant("from", ctx.queryParam("from"));
        Instant to = Params.instant("to", ctx.queryParam("to"));
        Params.requireOrder(from, to);
        List<Bookings.Turn> turns = bookings.list(blank(ctx.queryParam("center")), from == null ? Instant.EPOCH : from,
                to == null ? FAR : to, Params.bool("noShows", ctx.queryParam("noShows"), false), Params.limit(ctx.queryParam("limit")));
        ok.accept(ctx, turns.stream().map(ExamApi::turn).toList());
    }

    private void book(Context ctx) {
        JsonNode b = body.apply(ctx);
        try {
            Booking booked = bookings.book(required(b, "center"), required(b, "turn"), document(required(b, "candidate"), "candidate"),
                    enumOf(LicenceCategory.class, b, "category"), enumOf(ExamPart.class, b, "part"),
                    enumOf(Procedure.class, b, "procedure"), b.path("freeRetake").asBoolean(false),
                    Params.instant("startsAt", required(b, "startsAt")), user.apply(ctx));
            ok.accept(ctx, turn(new Bookings.Turn(booked, false, false)));
            ctx.status(201);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(400, e.getMessage());
        }
    }

    private void certificates(Context ctx) {
        DocumentId holder = document(Params.required("holder", ctx.queryParam("holder")), "holder");
        LicenceCategory category = enumOf(LicenceCategory.class, Params.required("category", ctx.queryParam("category")), "category");
        ok.accept(ctx, certificates.of(holder, category).stream().map(ExamApi::certificate).toList());
    }

    private void record(Context ctx) {
        JsonNode b = body.apply(ctx);
        try {
            String expires = blank(b.path("expiresOn").asText(null));
            Certificate c = new Certificate(enumOf(CertificateKind.class, b, "kind"), required(b, "number"),
                    document(required(b, "holder"), "holder"), enumOf(LicenceCategory.class, b, "category"),
                    Params.date("issuedOn", required(b, "issuedOn")), expires == null ? null : Params.date("expiresOn", expires));
            certificates.record(c, user.apply(ctx));
            ok.accept(ctx, certificate(c));
            ctx.status(201);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(400, e.getMessage());
        }
    }

    private static Map<String, Object> turn(Bookings.Turn t) {
        Booking b = t.booking();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("center", b.centerId());
        m.put("turn", b.turnId());
        m.put("candidate", b.candidate().text());
        m.put("category", b.category().name());
        m.put("part", b.part().name());
        m.put("procedure", b.procedure().name());
        m.put("freeRetake", b.freeRetake());
        m.put("startsAt", b.startsAt().toString());
        m.put("examined", t.examined());
        m.put("noShow", t.noShow());
        return m;
    }

    private static Map<String, Object> certificate(Certificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind().name());
        m.put("number", c.number());
        m.put("holder", c.holder().text());
        m.put("category", c.category().name());
        m.put("issuedOn", c.issuedOn().toString());
        m.put("expiresOn", c.expiresOn() == null ? null : c.expiresOn().toString());
        LocalDate last = c.lastValidDay();
        m.put("lastValidDay", last == null ? null : last.toString());
        return m;
    }

    private static String required(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw ApiException.badParameter(field, "is required");
        }
        return v.asText().trim();
    }

    private static DocumentId document(String text, String field) {
        try {
            return DocumentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(field, e.getMessage());
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode b, String field) {
        return enumOf(type, required(b, field), field);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(field, "not one of " + java.util.Arrays.toString(type.getEnumConstants()) + ": " + text);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
