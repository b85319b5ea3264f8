package co.rtm.hub.api;

import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.mobile.MonthlyReport;
import co.rtm.hub.mobile.Schedules;
import co.rtm.hub.mobile.Stay;
import co.rtm.hub.mobile.StayRefused;
import co.rtm.hub.mobile.StayRules;
import co.rtm.hub.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A mobile line's schedule and monthly report over the API (docs/mobile-lines.md), through {@link Schedules} and
 * {@link MonthlyReport}, as {@code hub schedule-stay} does. A refused stay answers 400 (bad dates, too short, unknown
 * municipality) or 409 (overlap, fixed CDA within 50 km, not a mobile line) with the refusal code in the message.
 */
final class MobileLineApi {
    private static final Set<String> STAY_FIELDS = Set.of("municipalityCode", "from", "to");
    private static final Set<String> BAD_INPUT = Set.of(StayRules.BAD_DATES, StayRules.SHORTER_THAN_A_MONTH,
            StayRules.UNKNOWN_MUNICIPALITY);

    private final Schedules schedules;
    private final Database db;

    MobileLineApi(Database db, Clock clock) {
        this.db = db;
        this.schedules = new Schedules(db, clock, Municipalities.colombia());
    }

    /** POST /api/centers/{id}/stays. */
    Map<String, Object> add(String lineId, JsonNode body, String user) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!STAY_FIELDS.contains(f)) {
                throw ApiException.badParameter(f, "unknown field (allowed: " + String.join(", ", STAY_FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String code = text(body, "municipalityCode");
        LocalDate from = date(body, "from");
        LocalDate to = date(body, "to");
        try {
            return view(schedules.add(lineId, code, from, to, user));
        } catch (NoSuchElementException e) {
            throw ApiException.of(404, e.getMessage());
        } catch (StayRefused e) {
            String message = e.code() + ": " + e.getMessage();
            if (BAD_INPUT.contains(e.code())) {
                String parameter = e.code().equals(StayRules.UNKNOWN_MUNICIPALITY) ? "municipalityCode" : "to";
                throw new ApiException(400, message, parameter);
            }
            throw ApiException.of(409, message);
        }
    }

    /** GET /api/centers/{id}/stays. */
    List<Map<String, Object>> list(String lineId) {
        try {
            return schedules.list(lineId).stream().map(MobileLineApi::view).toList();
        } catch (NoSuchElementException e) {
            throw ApiException.of(404, e.getMessage());
        }
    }

    /** DELETE /api/centers/{id}/stays/{stayId}. */
    void remove(String lineId, String stayId, String user) {
        try {
            schedules.remove(lineId, Params.integer("stayId", stayId), user);
        } catch (NoSuchElementException e) {
            throw ApiException.of(404, e.getMessage());
        } catch (StayRefused e) {
            throw ApiException.of(409, e.code() + ": " + e.getMessage());
        }
    }

    /** GET /api/mobile-lines/{id}/report?month=YYYY-MM[&format=csv]: JSON, or CSV when asked. */
    void report(Context ctx, java.util.function.Consumer<Object> json) {
        String monthText = Params.required("month", ctx.queryParam("month"));
        YearMonth month;
        try {
            month = YearMonth.parse(monthText.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("month", "'" + monthText + "' is not a month like 2026-11");
        }
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw ApiException.badParameter("format", "want csv or json");
        }
        String lineId = ctx.pathParam("id");
        MonthlyReport.Report report;
        try {
            report = MonthlyReport.of(db, lineId, month, Municipalities.colombia());
        } catch (NoSuchElementException e) {
            throw ApiException.of(404, e.getMessage());
        }
        if ("csv".equals(format)) {
            ctx.status(200);
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + lineId + "-" + month + ".csv\"");
            ctx.result(MonthlyReport.csv(report).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("line", report.lineId());
        out.put("month", report.month().toString());
        out.put("inspections", report.inspections());
        out.put("municipalities", report.rows());
        json.accept(out);
    }

    private static Map<String, Object> view(Stay s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("line", s.lineId());
        out.put("municipalityCode", s.municipalityCode());
        out.put("from", s.from().toString());
        out.put("to", s.to().toString());
        out.put("leaveBy", s.leaveBy() == null ? null : s.leaveBy().toString());
        return out;
    }

    private static String text(JsonNode body, String field) {
        return BodyFields.text(body, field, true).trim();
    }

    private static LocalDate date(JsonNode body, String field) {
        return Params.date(field, text(body, field));
    }
}
