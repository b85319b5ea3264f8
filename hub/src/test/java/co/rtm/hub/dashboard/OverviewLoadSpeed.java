package co.rtm.hub.dashboard;

import co.rtm.hub.api.ApiServer;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.registry.CenterKind;
import co.rtm.hub.registry.Registry;
import co.rtm.hub.store.Database;
import co.rtm.hub.store.Timestamps;
import co.rtm.hub.supervision.Argon2Hasher;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Time to first render of the dashboard's overview with {@code centres} centres (two lanes each) and {@code results}
 * stored results on SQLite, a tenth of them today: headless chromium loads {@code /dashboard/#/resumen} with a
 * logged-in session; the figure is the page's {@code performance.mark('overview-rendered')} (navigation start to
 * the table in the DOM, navigation timing). Also the overview endpoint alone, and SQLite's plan for its count query.
 *
 * <pre>java -cp $CP co.rtm.hub.dashboard.OverviewLoadSpeed [centres=100] [results=100000] [runs=3]</pre>
 */
public final class OverviewLoadSpeed {
    private OverviewLoadSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int centres = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int results = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("overview-speed");
        HubHome.init(dir);
        try (Database db = Database.openDefault(dir)) {
            long t0 = System.nanoTime();
            fill(db, centres, results);
            System.out.printf("filled %d centres, %d lanes, %d results in %d ms%n", centres, centres * 2, results,
                    (System.nanoTime() - t0) / 1_000_000);
            plan(db);
            Supervisors sup = new Supervisors(db, Clock.systemUTC(), new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1)));
            sup.create("bench", "bench", Role.SUPERVISOR, "B3nch-passw0rd!");
            try (ApiServer api = ApiServer.start(db, 0, sup, () -> new IngestCounts(0, 0, 0, java.util.Map.of()), () -> "none")) {
                String token = login(api.url());
                endpoint(api.url(), token, runs);
                ChromeDriver browser = Browser.start();
                try {
                    browser.get(api.url() + "/dashboard/");
                    browser.executeScript("sessionStorage.setItem('rtm.token', arguments[0])", token);
                    double[] ms = new double[runs];
                    for (int r = 0; r < runs; r++) {
                        browser.get("about:blank");
                        browser.get(api.url() + "/dashboard/#/resumen");
                        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                        Object mark = null;
                        while (mark == null && System.nanoTime() < end) {
                            mark = browser.executeScript("const m = performance.getEntriesByName('overview-rendered');"
                                    + " return m.length ? m[0].startTime : null;");
                            Thread.sleep(5);
                        }
                        if (mark == null) {
                            throw new IllegalStateException("the overview did not render: "
                                    + browser.findElement(By.id("main")).getText());
                        }
                        ms[r] = ((Number) mark).doubleValue();
                        System.out.printf("run %d: overview rendered %.0f ms after navigation start (%d lane rows)%n", r + 1,
                                ms[r], browser.findElements(By.cssSelector("#ov-table tbody tr")).size());
                    }
                    System.out.printf("median time to first render of the overview: %.0f ms (runs %s)%n", median(ms),
                            Arrays.toString(ms));
                } finally {
                    browser.quit();
                }
            }
        }
    }

    private static void fill(Database db, int centres, int results) {
        Registry registry = new Registry(db, Clock.systemUTC());
        for (int c = 0; c < centres; c++) {
            String id = String.format("CDA-%03d", c);
            registry.createCenter(id, CenterKind.CDA, "Centro " + c, String.format("S%03d", c));
            registry.createStation(id + "-L1", id, "cda-light@1");
            registry.createStation(id + "-L2", id, "cda-light@1");
        }
        LocalDate today = LocalDate.now(DashboardQueries.BOGOTA);
        Instant todayStart = DashboardQueries.dayBounds(today)[0];
        Random random = new Random(7);
        int lanes = centres * 2;
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO results (message_id, center_id, station_id,"
                    + " key_version, seq, result_type, subject, verdict, fur_number, tested_at, received_at, envelope, payload,"
                    + " started_at) VALUES (?, ?, ?, 1, ?, 'INSPECTION', ?, ?, ?, ?, ?, ?, '{}', ?)")) {
                byte[] envelope = "{}".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < results; i++) {
                    int lane = i % lanes;
                    String center = String.format("CDA-%03d", lane / 2);
                    // a tenth today, the rest over the 60 days before
                    Instant started = i % 10 == 0 ? todayStart.plusSeconds(6 * 3600 + random.nextInt(12 * 3600))
                            : todayStart.minusSeconds(1 + random.nextInt(60 * 86_400));
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, center);
                    ps.setString(3, center + "-L" + (lane % 2 + 1));
                    ps.setLong(4, i / lanes + 1);
                    ps.setString(5, String.format("P%05d", i % 90_000));
                    ps.setString(6, random.nextInt(10) < 8 ? "APPROVED" : "REJECTED");
                    ps.setLong(7, (i / lanes) * 2L + lane % 2 + 1);
                    ps.setString(8, Timestamps.format(started.plusSeconds(900)));
                    ps.setString(9, Timestamps.format(started.plusSeconds(960)));
                    ps.setBytes(10, envelope);
                    ps.setString(11, Timestamps.format(started));
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void plan(Database db) {
        Instant[] day = DashboardQueries.dayBounds(LocalDate.now(DashboardQueries.BOGOTA));
        List<String> lines = db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("EXPLAIN QUERY PLAN " + DashboardQueries.TODAY_BY_STATION)) {
                ps.setString(1, Timestamps.format(day[0]));
                ps.setString(2, Timestamps.format(day[1]));
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString("detail"));
                    }
                }
                return out;
            }
        });
        System.out.println("SQLite plan of the day's counts: " + lines);
    }

    private static String login(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"bench\",\"password\":\"B3nch-passw0rd!\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        int i = body.indexOf("\"token\":\"") + 9;
        return body.substring(i, body.indexOf('"', i));
    }

    private static void endpoint(String url, String token, int runs) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url + "/api/dashboard/overview"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            ms[r] = (System.nanoTime() - t0) / 1e6;
            if (resp.statusCode() != 200) {
                throw new IllegalStateException(resp.body());
            }
        }
        System.out.printf("GET /api/dashboard/overview alone: median %.1f ms (runs %s)%n", median(ms), Arrays.toString(ms));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
