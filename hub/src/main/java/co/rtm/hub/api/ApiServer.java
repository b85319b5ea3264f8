package co.rtm.hub.api;

import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.registry.People;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.supervision.Alert;
import co.rtm.hub.supervision.Alerts;
import co.rtm.hub.supervision.LoginResult;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisor;
import co.rtm.hub.supervision.Supervisors;
import co.rtm.hub.supervision.WeakPasswordException;
import co.rtm.profiles.wire.SigningKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors' REST API (docs/api.md, docs/openapi.yaml) on Javalin, bound to 127.0.0.1 only. JSON in and out;
 * {@code Authorization: Bearer <token>} from {@code POST /api/login} on everything but health, metrics and login.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final String HOST = "127.0.0.1";
    private static final String USER = "rtm.user";
    private static final String TOKEN = "rtm.token";

    /** The broker as health sees it: "up", "down", or "none" when this API runs without one. */
    public interface BrokerProbe extends Supplier<String> {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Supervisors supervisors;
    private final Alerts alerts;
    private final ReadModel read;
    private final Supplier<IngestCounts> counts;
    private final BrokerProbe broker;
    private List<Route> routes;
    private final DashboardApi dashboard;
    private final Clock clock;
    private final RegistryWrites registry;
    private final StationWrites stations;
    private final MobileLineApi mobile;
    private Javalin app;

    private ApiServer(Database db, Clock clock, Supervisors supervisors, Supplier<IngestCounts> counts, BrokerProbe broker,
                      StationProvisioner provisioner, SigningKey hubKey,
                      co.rtm.hub.dashboard.DashboardSources dashboard) {
        this.supervisors = supervisors;
        this.alerts = new Alerts(db, clock);
        this.read = new ReadModel(db);
        this.counts = counts;
        this.broker = broker;
        this.clock = clock;
        this.registry = new RegistryWrites(new Registry(db, clock), new People(db, clock));
        this.stations = new StationWrites(provisioner);
        this.mobile = new MobileLineApi(db, clock);
        this.dashboard = new DashboardApi(db, clock, dashboard, supervisors, json, this::ok, ctx -> user(ctx).name(),
                ctx -> ctx.attribute(TOKEN));
        this.routes = java.util.stream.Stream.of(routes(),
                new ExamApi(db, clock, this::ok, this::body, ctx -> user(ctx).name()).routes(),
                new DocumentApi(db, hubKey, this::ok).routes(), this.dashboard.routes()).flatMap(List::stream).toList();
    }

    /**
     * Starts the API on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @param counts ingestion counters for /api/metrics (zeros when this process does not ingest)
     * @param broker the broker's state for /api/health
     */
    public static ApiServer start(Database db, int port, Supervisors supervisors, Supplier<IngestCounts> counts,
                                  BrokerProbe broker) {
        return start(db, port, supervisors, counts, broker, null);
    }

    /** As {@link #start(Database, int, Supervisors, Supplier, BrokerProbe)}, able to provision stations. */
    public static ApiServer start(Database db, int port, Supervisors supervisors, Supplier<IngestCounts> counts,
                                  BrokerProbe broker, StationProvisioner provisioner) {
        return start(db, port, supervisors, counts, broker, provisioner, (SigningKey) null);
    }

    /** As above, sealing certificates with {@code hubKey} (docs/documents.md); null: certificates answer 503. */
    public static ApiServer start(Database db, int port, Supervisors supervisors, Supplier<IngestCounts> counts,
                                  BrokerProbe broker, StationProvisioner provisioner, SigningKey hubKey) {
        return start(db, port, supervisors, counts, broker, provisioner, hubKey, null);
    }

    /**
     * As above, with the live feed and station presence the dashboard shows (docs/dashboard.md); null: none.
     */
    public static ApiServer start(Database db, int port, Supervisors supervisors, Supplier<IngestCounts> counts,
                                  BrokerProbe broker, StationProvisioner provisioner, SigningKey hubKey,
                                  co.rtm.hub.dashboard.DashboardSources dashboard) {
        return start(db, port, supervisors, counts, broker, provisioner, hubKey, dashboard, Clock.systemUTC());
    }

    /** As above, on {@code clock} (dates of reports and alerts; the hub's own clock, see HubServer). */
    public static ApiServer start(Database db, int port, Supervisors supervisors, Supplier<IngestCounts> counts,
                                  BrokerProbe broker, StationProvisioner provisioner, SigningKey hubKey,
                                  co.rtm.hub.dashboard.DashboardSources dashboard, Clock clock) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("HTTP port out of range: " + port);
        }
        ApiServer server = new ApiServer(db, clock, supervisors, counts, broker, provisioner, hubKey,
                dashboard);
        server.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // nothing phones home: the version check only compares the build date, and is off anyway
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = HOST;
            config.jetty.port = port;
            config.http.maxRequestSize = 64 * 1024;
            config.router.ignoreTrailingSlashes = true;
            DashboardApi.serveStatic(config);
            for (Route r : server.routes) {
                config.routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(), ctx -> server.handle(r, ctx));
            }
            config.routes.exception(Exception.class, server::failure);
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    server.error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path(), null);
                }
            });
            config.routes.error(405, ctx -> server.error(ctx, 405, "method not allowed", null));
        });
        try {
            server.app.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the HTTP API could not listen on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.info("REST API on http://{}:{}/api", HOST, server.port());
        return server;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "http://" + HOST + ":" + port();
    }

    /** The routes this API serves (for docs and tests). */
    public List<String> routeSignatures() {
        return routes.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** The routes Javalin actually registered, as {@code METHOD /path}. */
    public List<String> registeredInJavalin() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint.method.name() + " " + p.endpoint.path).toList();
    }

    @Override
    public void close() {
        dashboard.close();
        if (app != null) {
            app.stop();
        }
    }

    private List<Route> routes() {
        return List.of(
                new Route("GET", "/api/health", Access.PUBLIC, this::health),
                new Route("GET", "/api/metrics", Access.PUBLIC, this::metrics),
                new Route("POST", "/api/login", Access.PUBLIC, this::login),
                new Route("POST", "/api/logout", Access.READ, this::logout),
                new Route("GET", "/api/me", Access.READ, ctx -> ok(ctx, user(ctx))),
                new Route("POST", "/api/password", Access.READ, this::changePassword),
                new Route("GET", "/api/users", Access.ADMIN, ctx -> ok(ctx, supervisors.list())),
                new Route("POST", "/api/users", Access.ADMIN, this::createUser),
                new Route("GET", "/api/centers", Access.READ, ctx -> ok(ctx, read.centers(limit(ctx), offset(ctx)))),
                new Route("POST", "/api/centers", Access.ADMIN, ctx -> created(ctx, registry.by(user(ctx).name()).createCenter(body(ctx)))),
                new Route("GET", "/api/centers/{id}", Access.READ, this::center),
                new Route("POST", "/api/centers/{id}/stations", Access.ADMIN, ctx -> ctx.status(201)
                        .contentType("application/json").result(stations.provision(ctx.pathParam("id"), body(ctx), user(ctx).name()))),
                new Route("PUT", "/api/centers/{id}/rules", Access.ADMIN,
                        ctx -> ok(ctx, registry.by(user(ctx).name()).putRules(ctx.pathParam("id"), body(ctx)))),
                new Route("POST", "/api/centers/{id}/people", Access.ADMIN,
                        ctx -> ok(ctx, registry.by(user(ctx).name()).addPerson(ctx.pathParam("id"), body(ctx)))),
                new Route("DELETE", "/api/centers/{id}/people/{document}", Access.ADMIN,
                        ctx -> ok(ctx, registry.by(user(ctx).name()).deactivatePerson(ctx.pathParam("id"), ctx.pathParam("document")))),
                new Route("POST", "/api/centers/{id}/stays", Access.ADMIN,
                        ctx -> created(ctx, mobile.add(ctx.pathParam("id"), body(ctx), user(ctx).name()))),
                new Route("GET", "/api/centers/{id}/stays", Access.READ, ctx -> ok(ctx, mobile.list(ctx.pathParam("id")))),
                new Route("DELETE", "/api/centers/{id}/stays/{stayId}", Access.ADMIN, ctx -> {
                    mobile.remove(ctx.pathParam("id"), ctx.pathParam("stayId"), user(ctx).name());
                    ctx.status(204);
                }),
                new Route("GET", "/api/mobile-lines/{id}/report", Access.READ, ctx -> mobile.report(ctx, b -> ok(ctx, b))),
                new Route("GET", "/api/stations", Access.READ, ctx -> ok(ctx,
                        read.stations(blankToNull(ctx.queryParam("center")), limit(ctx), offset(ctx)))),
                new Route("GET", "/api/stations/{id}", Access.READ, ctx -> ok(ctx, read.station(ctx.pathParam("id"))
                        .orElseThrow(() -> ApiException.of(404, "no station " + ctx.pathParam("id"))))),
                new Route("PUT", "/api/stations/{id}/capacity", Access.ADMIN,
                        ctx -> ok(ctx, registry.by(user(ctx).name()).putCapacity(ctx.pathParam("id"), body(ctx)))),
                new Route("GET", "/api/inspections", Access.READ, this::inspections),
                new Route("GET", "/api/inspections/{messageId}", Access.READ, this::inspection),
                new Route("GET", "/api/refusals", Access.READ, this::refusals),
                new Route("GET", "/api/alerts", Access.READ, ctx -> ok(ctx, alerts.list(
                        Params.bool("open", ctx.queryParam("open"), false), limit(ctx), offset(ctx)))),
                new Route("POST", "/api/alerts/{id}/ack", Access.ACK, this::acknowledge),
                new Route("GET", "/api/capacity", Access.READ, this::capacity),
                new Route("GET", "/api/ledger.csv", Access.READ, this::ledgerCsv));
    }

    private void handle(Route route, Context ctx) throws Exception {
        ctx.header("Cache-Control", "no-store");
        if (route.access() != Access.PUBLIC) {
            String token = bearer(ctx);
            Supervisor user = supervisors.authenticate(token).orElse(null);
            if (user == null) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw ApiException.of(401, token == null ? "log in first: Authorization: Bearer <token from POST /api/login>"
                        : "session unknown, ended or expired: log in again");
            }
            if (!route.access().allows(user.role())) {
                throw ApiException.of(403, "a " + user.role().label() + " may not " + route.method() + " " + route.path());
            }
            ctx.attribute(USER, user);
            ctx.attribute(TOKEN, token);
        }
        route.handler().handle(ctx);
    }

    // ---- public

    private void health(Context ctx) {
        boolean dbUp = read.reachable();
        String brokerState = broker.get();
        boolean ok = dbUp && !"down".equals(brokerState);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "ok" : "degraded");
        body.put("database", dbUp ? "up" : "down");
        body.put("broker", brokerState);
        body.put("time", Instant.now(clock));
        ctx.status(ok ? 200 : 503);
        write(ctx, body);
    }

    private void metrics(Context ctx) {
        ctx.contentType(PrometheusText.CONTENT_TYPE);
        ctx.result(PrometheusText.render(counts.get(), read.resultsByVerdict(), read.openAlerts()));
    }

    private void login(Context ctx) {
        JsonNode body = body(ctx);
        String name = BodyFields.text(body, "user", true);
        String password = BodyFields.text(body, "password", true);
        LoginResult result = supervisors.login(name, password, source(ctx));
        if (result instanceof LoginResult.LoggedIn in) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("token", in.token());
            out.put("user", in.user().name());
            out.put("role", in.user().role().label());
            out.put("expiresAt", in.expiresAt());
            ok(ctx, out);
        } else if (result instanceof LoginResult.Locked locked) {
            long seconds = Math.max(1, Duration.between(Instant.now(clock), locked.until()).toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            throw ApiException.of(429, "too many failed logins for this user or from this address: try again after "
                    + locked.until());
        } else {
            throw ApiException.of(401, "wrong user name or password");
        }
    }

    // ---- any logged-in user

    private void logout(Context ctx) {
        supervisors.logout(ctx.attribute(TOKEN), source(ctx));
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        JsonNode body = body(ctx);
        String current = BodyFields.text(body, "currentPassword", true);
        String next = BodyFields.text(body, "newPassword", true);
        try {
            supervisors.changePassword(user(ctx).name(), current, next, ctx.attribute(TOKEN));
        } catch (WeakPasswordException e) {
            throw ApiException.badParameter("newPassword", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.of(400, e.getMessage());
        }
        ctx.status(204);
    }

    private void center(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, Object> center = read.center(id).orElseThrow(() -> ApiException.of(404, "no centre " + id));
        center.put("people", registry.people(id));
        ok(ctx, center);
    }

    private void inspections(Context ctx) {
        String plate = blankToNull(ctx.queryParam("plate"));
        InspectionQuery q = new InspectionQuery(plate == null ? null : plate.toUpperCase(java.util.Locale.ROOT),
                blankToNull(ctx.queryParam("center")),
                Params.optionalLong("fur", ctx.queryParam("fur")), Params.optionalLong("certificate", ctx.queryParam("certificate")),
                Params.instant("from", ctx.queryParam("from")), Params.instant("to", ctx.queryParam("to")));
        Params.requireOrder(q.from(), q.to());
        ok(ctx, read.inspections(q, limit(ctx), offset(ctx)));
    }

    private void inspection(Context ctx) {
        String id = ctx.pathParam("messageId");
        Map<String, Object> row = read.inspection(id).orElseThrow(() -> ApiException.of(404, "no inspection " + id));
        try {
            row.put("payload", json.readTree((String) row.get("payload")));
        } catch (JsonProcessingException e) {
            // stored as received and verified: should not happen; show the text rather than fail
            LOG.warn("stored payload of {} is not JSON", id);
        }
        ok(ctx, row);
    }

    private void refusals(Context ctx) {
        Instant from = Params.instant("from", ctx.queryParam("from"));
        Instant to = Params.instant("to", ctx.queryParam("to"));
        Params.requireOrder(from, to);
        ok(ctx, read.refusals(from, to, blankToNull(ctx.queryParam("reason")), limit(ctx), offset(ctx)));
    }

    private void capacity(Context ctx) {
        String center = Params.required("center", ctx.queryParam("center"));
        String dateText = ctx.queryParam("date");
        LocalDate date = dateText == null || dateText.isBlank()
                ? LocalDate.now(clock.withZone(co.rtm.hub.registry.OpeningHours.BOGOTA)) : Params.date("date", dateText);
        Instant[] day = CapacityReport.dayBounds(date);
        List<CapacityReport.LaneStarts> lanes = read.laneStarts(center, day[0], day[1])
                .orElseThrow(() -> ApiException.of(404, "no centre " + center));
        ok(ctx, CapacityReport.of(center, date, lanes));
    }

    private void ledgerCsv(Context ctx) throws Exception {
        Instant from = Params.instant("from", ctx.queryParam("from"));
        Instant to = Params.instant("to", ctx.queryParam("to"));
        Params.requireOrder(from, to);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"ledger.csv\"");
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 64 * 1024);
        read.ledgerCsv(from, to, out);
        out.flush();
    }

    // ---- supervisors and admins

    private void acknowledge(Context ctx) {
        long id = Params.integer("id", ctx.pathParam("id"));
        JsonNode body = body(ctx);
        String comment = BodyFields.text(body, "comment", false);
        try {
            Alert acked = alerts.acknowledge(id, user(ctx).name(), comment);
            ok(ctx, acked);
        } catch (NoSuchElementException e) {
            throw ApiException.of(404, e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.of(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("comment", e.getMessage());
        }
    }

    private void createUser(Context ctx) {
        JsonNode body = body(ctx);
        String name = BodyFields.text(body, "user", true);
        Role role;
        try {
            role = Role.parse(BodyFields.text(body, "role", true));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("role", e.getMessage());
        }
        String password = BodyFields.text(body, "password", true);
        try {
            Supervisor created = supervisors.create(user(ctx).name(), name, role, password);
            ctx.status(201);
            write(ctx, created);
        } catch (WeakPasswordException e) {
            throw ApiException.badParameter("password", e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.of(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("user", e.getMessage());
        }
    }

    // ---- plumbing

    private void failure(Exception e, Context ctx) {
        if (e instanceof ApiException api) {
            error(ctx, api.status(), api.getMessage(), api.parameter());
        } else {
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error: " + e.getClass().getSimpleName(), null);
        }
    }

    private void error(Context ctx, int status, String message, String parameter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        ctx.status(status);
        write(ctx, body);
    }

    private void created(Context ctx, Object body) {
        ctx.status(201);
        write(ctx, body);
    }

    private void ok(Context ctx, Object body) {
        ctx.status(200);
        write(ctx, body);
    }

    private void write(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response is not serialisable", e);
        }
    }

    private JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            if (!(node instanceof ObjectNode)) {
                throw ApiException.badParameter("body", "want a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badParameter("body", "not JSON: " + e.getOriginalMessage());
        }
    }

    private static Supervisor user(Context ctx) {
        return ctx.attribute(USER);
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /**
     * The client's address for login rate limiting. The API listens on 127.0.0.1 only, so a remote client comes
     * through a reverse proxy on this machine: the last X-Forwarded-For entry (the one that proxy appended) is the
     * client; without one, the socket's address.
     */
    static String source(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].trim();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        return ctx.ip();
    }

    private static int limit(Context ctx) {
        return Params.limit(ctx.queryParam("limit"));
    }

    private static long offset(Context ctx) {
        return Params.offset(ctx.queryParam("offset"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
