package co.rtm.hub.api;

import co.rtm.hub.dashboard.DashboardQueries;
import co.rtm.hub.dashboard.DashboardSources;
import co.rtm.hub.dashboard.LimitTable;
import co.rtm.profiles.inspection.ScoringInput;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.hub.dashboard.SamplePlots;
import co.rtm.hub.dashboard.StreamTickets;
import co.rtm.hub.feed.FeedEvent;
import co.rtm.hub.feed.LiveFeed;
import co.rtm.hub.geo.Municipalities;
import co.rtm.hub.mobile.Schedules;
import co.rtm.hub.mobile.Stay;
import co.rtm.hub.registry.ProfileRefs;
import co.rtm.hub.store.Database;
import co.rtm.hub.supervision.Supervisors;
import co.rtm.hub.tracks.TrackPoint;
import co.rtm.hub.tracks.TrackReader;
import co.rtm.profiles.inspection.ScoringInputReader;
import co.rtm.profiles.scoring.Scorer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors' dashboard (docs/dashboard.md): the static pages under {@code /dashboard/} and the few read
 * endpoints they need beyond the REST API, plus the live feed as server-sent events.
 */
final class DashboardApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardApi.class);
    static final String WEB = "/co/rtm/hub/dashboard/web";
    /** How often an open stream checks that its session is still valid. */
    private static final Duration RECHECK = Duration.ofSeconds(30);
    private static final long PING_SECONDS = 15;

    private final DashboardQueries queries;
    private final DashboardSources sources;
    private final Supervisors supervisors;
    private final StreamTickets tickets;
    private final Clock clock;
    private final ObjectMapper json;
    private final BiConsumer<Context, Object> ok;
    private final Function<Context, String> user;
    private final Function<Context, String> token;
    private final TrackReader tracks;
    private final Schedules schedules;
    private final Scorer scorer = Scorer.builtIn();
    private final Map<String, byte[]> geoByDepartment = new ConcurrentHashMap<>();
    private final java.util.Set<Thread> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    DashboardApi(Database db, Clock clock, DashboardSources sources, Supervisors supervisors, ObjectMapper json,
                 BiConsumer<Context, Object> ok, Function<Context, String> user, Function<Context, String> token) {
        this.queries = new DashboardQueries(db);
        this.sources = sources == null ? DashboardSources.none() : sources;
        this.supervisors = supervisors;
        this.tickets = new StreamTickets(clock);
        this.clock = clock;
        this.json = json;
        this.ok = ok;
        this.user = user;
        this.token = token;
        this.tracks = new TrackReader(db);
        this.schedules = new Schedules(db, clock, Municipalities.colombia());
    }

    /** The pages: {@code /dashboard/} from the classpath. */
    static void serveStatic(JavalinConfig config) {
        config.staticFiles.add(f -> {
            f.hostedPath = "/dashboard";
            f.directory = WEB;
            f.location = Location.CLASSPATH;
        });
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/", Access.PUBLIC, ctx -> ctx.redirect("/dashboard/")),
                new Route("GET", "/api/dashboard/overview", Access.READ, this::overview),
                new Route("GET", "/api/dashboard/capacity", Access.READ, this::capacity),
                new Route("GET", "/api/dashboard/search", Access.READ, this::search),
                new Route("GET", "/api/dashboard/results/{messageId}", Access.READ, this::result),
                new Route("GET", "/api/dashboard/lines/{stationId}/track", Access.READ, this::track),
                new Route("GET", "/api/geo/municipalities", Access.READ, this::municipalities),
                new Route("POST", "/api/events/ticket", Access.READ, this::ticket),
                new Route("GET", "/api/events/stream", Access.PUBLIC, this::stream));
    }

    private LocalDate date(Context ctx) {
        String text = ctx.queryParam("date");
        return text == null || text.isBlank() ? LocalDate.now(clock.withZone(DashboardQueries.BOGOTA)) : Params.date("date", text);
    }

    private void overview(Context ctx) {
        Map<String, Object> out = queries.overview(date(ctx), sources.presence().all());
        LiveFeed feed = sources.feed();
        out.put("feed", Map.of("published", feed.published(), "dropped", feed.dropped(), "subscribers", feed.subscribers()));
        ok.accept(ctx, out);
    }

    private void capacity(Context ctx) {
        String center = Params.required("center", ctx.queryParam("center"));
        String daysText = ctx.queryParam("days");
        int days = daysText == null || daysText.isBlank() ? 7 : (int) Params.integer("days", daysText);
        if (days < 1 || days > 62) {
            throw ApiException.badParameter("days", "want 1..62 days: " + days);
        }
        ok.accept(ctx, queries.capacityByDay(center, date(ctx), days).orElseThrow(() -> ApiException.of(404, "no centre " + center)));
    }

    private void search(Context ctx) {
        String q = Params.required("q", ctx.queryParam("q"));
        if (q.length() > 64) {
            throw ApiException.badParameter("q", "at most 64 characters");
        }
        ok.accept(ctx, queries.search(q, Params.limit(ctx.queryParam("limit"))));
    }

    /** A result with its payload, the hub's re-score, the inspectors, the station and the sample series to plot. */
    private void result(Context ctx) {
        String id = ctx.pathParam("messageId");
        Map<String, Object> row = queries.result(id).orElseThrow(() -> ApiException.of(404, "no result " + id));
        JsonNode payload;
        try {
            payload = json.readTree((String) row.remove("payload"));
        } catch (JsonProcessingException e) {
            throw ApiException.of(500, "stored payload of " + id + " is not JSON");
        }
        row.put("payload", payload);
        row.put("inspectors", payload.path("inspectors"));
        row.put("claimed", payload.path("score"));
        rescore(payload, row);
        row.put("measurements", flatten(payload.path("input").path("measurements")));
        List<Map<String, Object>> plots = new ArrayList<>();
        for (SamplePlots.Plot p : SamplePlots.of(payload.get("evidence"))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("test", p.test());
            m.put("sample", p.sample());
            m.put("field", p.field());
            m.put("points", p.points());
            plots.add(m);
        }
        row.put("plots", plots);
        ok.accept(ctx, row);
    }

    /**
     * The station-profiles Scorer on the stored document, as the hub did at ingestion, and the checks that applied
     * with their limits ({@code rescored}, {@code limits}); nothing for exams.
     */
    private void rescore(JsonNode payload, Map<String, Object> row) {
        if (!payload.hasNonNull("profile") || !payload.has("input")) {
            return;
        }
        ProfileRefs.resolve(payload.get("profile").asText()).ifPresent(profile -> {
            try {
                ScoringInput input = new ScoringInputReader(scorer.rules().catalogue()::contains).read(payload.get("input"), "input");
                ScoreResult score = scorer.score(input, profile);
                java.util.Set<String> measured = new java.util.HashSet<>();
                payload.get("input").path("measurements").fieldNames().forEachRemaining(measured::add);
                row.put("rescored", score);
                row.put("limits", LimitTable.of(scorer.rules(), input, score, measured));
            } catch (RuntimeException e) {
                row.put("rescored", Map.of("error", String.valueOf(e.getMessage())));
            }
        });
    }

    /** Every numeric reading of the measurements as {path, value}, in document order. */
    static List<Map<String, Object>> flatten(JsonNode node) {
        List<Map<String, Object>> out = new ArrayList<>();
        flatten(node, "", out);
        return out;
    }

    private static void flatten(JsonNode node, String path, List<Map<String, Object>> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isNumber() || node.isTextual() || node.isBoolean()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", path);
            m.put("value", node.isNumber() ? node.numberValue() : node.asText());
            out.add(m);
        }
    }

    private void track(Context ctx) {
        String station = ctx.pathParam("stationId");
        String center = queries.centerOf(station).orElseThrow(() -> ApiException.of(404, "no station " + station));
        LocalDate day = date(ctx);
        String daysText = ctx.queryParam("days");
        int days = daysText == null || daysText.isBlank() ? 1 : (int) Params.integer("days", daysText);
        if (days < 1 || days > 31) {
            throw ApiException.badParameter("days", "want 1..31 days: " + days);
        }
        Instant from = DashboardQueries.dayBounds(day.minusDays(days - 1L))[0];
        Instant to = DashboardQueries.dayBounds(day)[1];
        List<double[]> fixes = new ArrayList<>();
        for (TrackPoint p : tracks.fixesBetween(station, from, to)) {
            fixes.add(new double[]{p.lat(), p.lon(), p.deviceTime().toEpochMilli()});
        }
        List<Stay> stays;
        try {
            stays = schedules.list(center);
        } catch (NoSuchElementException e) {
            stays = List.of();
        }
        Stay scheduled = stays.stream().filter(s -> s.covers(day)).findFirst().orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stationId", station);
        out.put("centerId", center);
        out.put("date", day.toString());
        out.put("scheduledMunicipality", scheduled == null ? null : scheduled.municipalityCode());
        String dept = scheduled != null ? scheduled.municipalityCode().substring(0, 2)
                : fixes.isEmpty() ? null : Municipalities.colombia().locate(fixes.get(0)[0], fixes.get(0)[1])
                .map(m -> m.departmentCode()).orElse(null);
        out.put("departmentCode", dept);
        out.put("stays", stays.stream().map(s -> Map.of("municipalityCode", s.municipalityCode(), "from", s.from().toString(),
                "to", s.to().toString())).toList());
        out.put("fixes", fixes);
        ok.accept(ctx, out);
    }

    /** The shipped municipal boundaries of one department (DANE code, two digits) as GeoJSON. */
    private void municipalities(Context ctx) {
        String dept = Params.required("department", ctx.queryParam("department"));
        if (!dept.matches("[0-9]{2}")) {
            throw ApiException.badParameter("department", "want the two-digit DANE department code: " + dept);
        }
        byte[] body = geoByDepartment.computeIfAbsent(dept, this::department);
        ctx.contentType("application/geo+json").result(body);
    }

    private byte[] department(String code) {
        try (InputStream in = Municipalities.class.getResourceAsStream(Municipalities.RESOURCE)) {
            JsonNode all = json.readTree(in);
            ObjectNode out = json.createObjectNode();
            out.put("type", "FeatureCollection");
            ArrayNode features = out.putArray("features");
            for (JsonNode f : all.path("features")) {
                if (code.equals(f.path("properties").path("departmentCode").asText())) {
                    features.add(f);
                }
            }
            return json.writeValueAsBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ticket(Context ctx) {
        ok.accept(ctx, Map.of("ticket", tickets.issue(user.apply(ctx), token.apply(ctx)),
                "expiresInSeconds", StreamTickets.LIFETIME.toSeconds()));
    }

    private void stream(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw ApiException.of(406, "the live feed is text/event-stream: open it with EventSource");
        }
        StreamTickets.Holder holder = tickets.redeem(ctx.queryParam("ticket")).orElseThrow(() -> ApiException.of(401,
                "no valid ticket: POST /api/events/ticket with the bearer token, then open the stream within "
                        + StreamTickets.LIFETIME.toSeconds() + " s"));
        new SseHandler(client -> serve(client, holder)).handle(ctx);
    }

    private void serve(SseClient client, StreamTickets.Holder holder) {
        client.keepAlive();
        LiveFeed.Subscription sub = sources.feed().subscribe();
        client.onClose(sub::close);
        Thread t = new Thread(() -> {
            Instant checked = clock.instant();
            try {
                client.sendComment("connected as " + holder.user());
                while (!client.terminated() && !closed) {
                    FeedEvent e = sub.next(PING_SECONDS, TimeUnit.SECONDS);
                    if (e != null) {
                        client.sendEvent("result", json.writeValueAsString(e));
                    } else {
                        client.sendComment("ping");
                    }
                    if (Duration.between(checked, clock.instant()).compareTo(RECHECK) > 0) {
                        checked = clock.instant();
                        if (supervisors.authenticate(holder.sessionToken()).isEmpty()) {
                            client.sendEvent("end", "session ended");
                            break;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("live feed stream of {} ended: {}", holder.user(), e.toString());
            } finally {
                sub.close();
                client.close();
                streams.remove(Thread.currentThread());
            }
        }, "live-feed-" + holder.user());
        t.setDaemon(true);
        streams.add(t);
        t.start();
    }

    /** Ends the open streams (before the server stops, so none writes to a recycled response). */
    @Override
    public void close() {
        closed = true;
        for (Thread t : streams) {
            t.interrupt();
        }
        for (Thread t : streams) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
