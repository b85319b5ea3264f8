package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.TopicKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dashboard's endpoints over HTTP on a running hub fed through its broker. */
class DashboardApiTest extends RunningHubApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens the event stream with {@code ticket}; its data lines go to the queue. */
    private static CompletableFuture<HttpResponse<Stream<String>>> stream(String ticket, BlockingQueue<String> lines) {
        CompletableFuture<HttpResponse<Stream<String>>> f = http.sendAsync(HttpRequest.newBuilder(
                URI.create(api.url() + "/api/events/stream?ticket=" + ticket)).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        f.thenAccept(r -> new Thread(() -> r.body().forEach(lines::add)).start());
        return f;
    }

    /** The status of a stream request that is expected to be refused (a served one would not end: 5 s timeout). */
    private static int streamStatus(String ticket) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.url() + "/api/events/stream?ticket=" + ticket))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String ticket(String token) {
        Reply r = send("POST", "/api/events/ticket", token, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("ticket").asText();
    }

    private static JsonNode nextResult(BlockingQueue<String> lines) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean isResult = false;
        while (System.nanoTime() < end) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals("event: result")) {
                isResult = true;
            } else if (isResult && line.startsWith("data: ")) {
                return JSON.readTree(line.substring(6));
            }
        }
        throw new AssertionError("no result event within 10 s");
    }

    @Test
    void theStreamNeedsAOneUseTicketBoughtWithTheBearerToken() throws Exception {
        assertThat(send("POST", "/api/events/ticket", null, null).status()).isEqualTo(401);
        assertThat(streamStatus("")).isEqualTo(401);
        assertThat(streamStatus("made-up")).isEqualTo(401);
        String ticket = ticket(sup);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> open = stream(ticket, lines).get(10, TimeUnit.SECONDS);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(send("GET", "/api/events/stream?ticket=" + ticket(sup), null, null).status())
                .as("a stream request that does not accept text/event-stream").isEqualTo(406);
        assertThat(streamStatus(ticket)).as("a spent ticket").isEqualTo(401);
    }

    @Test
    void acceptedAndRefusedResultsReachAnOpenStreamAndTheOverviewCountsThemWithTheLanesPresence() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        assertThat(stream(ticket(admin), lines).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        try (TestLane lane = new TestLane(hub.provision("CDA-FEED", "feed-1", "cda-light"), hub.mqttUrl())) {
            lane.client.publish(lane.topic(TopicKind.STATUS), "online", null, null);
            ScoreResult ok = TestLane.score(TestLane.approvedInput());
            UUID first = UUID.randomUUID();
            assertThat(lane.send(lane.sign(lane.inspection(first, 1, TestLane.approvedInput(), ok)), UUID.randomUUID()).status())
                    .isEqualTo(AckStatus.ACCEPTED);
            JsonNode accepted = nextResult(lines);
            assertThat(accepted.get("outcome").asText()).isEqualTo("ACCEPTED");
            assertThat(accepted.get("messageId").asText()).isEqualTo(first.toString());
            assertThat(accepted.get("subject").asText()).isEqualTo("FEED-1-1");
            assertThat(accepted.get("verdict").asText()).isEqualTo("APPROVED");
            assertThat(accepted.get("furNumber").isNumber()).isTrue();

            assertThat(lane.send(lane.sign(lane.inspection(UUID.randomUUID(), 1, TestLane.approvedInput(), ok)), UUID.randomUUID())
                    .status()).isEqualTo(AckStatus.REJECTED);
            JsonNode refused = nextResult(lines);
            assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(refused.get("reasonCode").asText()).isEqualTo("REPLAYED_SEQ");
            assertThat(refused.get("stationId").asText()).isEqualTo("feed-1");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode o = send("GET", "/api/dashboard/overview", sup, null).json();
                JsonNode station = null;
                for (JsonNode c : o.get("centers")) {
                    for (JsonNode s : c.get("stations")) {
                        if (s.get("id").asText().equals("feed-1")) {
                            station = s;
                        }
                    }
                }
                assertThat(station).isNotNull();
                assertThat(station.get("online").asBoolean()).isTrue();
                // the inspection started on 2026-11-20 (Bogotá), so today's counts don't include it
                assertThat(o.get("feed").get("published").asLong()).isGreaterThanOrEqualTo(2);
            });
            JsonNode day = send("GET", "/api/dashboard/overview?date=2026-11-20", sup, null).json();
            assertThat(day.get("inspections").asLong()).isGreaterThanOrEqualTo(1);

            JsonNode detail = send("GET", "/api/dashboard/results/" + first, sup, null).json();
            assertThat(detail.get("rescored").get("verdict").asText()).isEqualTo(detail.get("claimed").get("verdict").asText())
                    .isEqualTo("APPROVED");
            assertThat(detail.get("station").get("id").asText()).isEqualTo("feed-1");
            assertThat(detail.get("inspectors").get(0).asText()).isEqualTo("CC-1010");
            List<String> paths = detail.get("measurements").findValuesAsText("path");
            assertThat(detail.get("limits").size()).isGreaterThan(3);
            detail.get("limits").forEach(l -> assertThat(l.get("passed").asBoolean()).as(l.toString()).isTrue());
            assertThat(detail.get("limits").findValuesAsText("test")).contains("brakes", "gas").doesNotContain("opacity");
            assertThat(paths).contains("brakes.axles[0].serviceLeftN", "gas.idle.coPct", "noise.dBA");
            assertThat(send("GET", "/api/dashboard/search?q=feed-1-1", sup, null).json().get(0).get("messageId").asText())
                    .isEqualTo(first.toString());
        }
    }

    @Test
    void municipalBoundariesComeOneDepartmentAtATime() {
        Reply r = send("GET", "/api/geo/municipalities?department=25", sup, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("features").size()).isGreaterThan(100);
        r.json().get("features").forEach(f -> assertThat(f.get("properties").get("departmentCode").asText()).isEqualTo("25"));
        assertThat(send("GET", "/api/geo/municipalities?department=9", sup, null).status()).isEqualTo(400);
        assertThat(send("GET", "/api/geo/municipalities?department=25", null, null).status()).isEqualTo(401);
    }

    @Test
    void thePagesAreServedFromTheClasspathWithoutLogin() throws Exception {
        for (String path : List.of("/dashboard/", "/dashboard/app.js", "/dashboard/svg.js", "/dashboard/api.js", "/dashboard/style.css")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            // nothing from elsewhere: no script, style, import or fetch from another origin
            assertThat(r.body()).as(path).doesNotContainPattern("(src|href)=\"(https?:)?//")
                    .doesNotContainPattern("(import|from)\\s*\\(?\\s*['\"](https?:)?//").doesNotContain("@import", "fetch('http");
        }
        HttpResponse<String> js = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/dashboard/app.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("javascript"));
    }
}
