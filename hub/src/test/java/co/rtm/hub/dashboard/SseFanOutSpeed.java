package co.rtm.hub.dashboard;

import co.rtm.hub.api.ApiServer;
import co.rtm.hub.feed.FeedEvent;
import co.rtm.hub.feed.LiveFeed;
import co.rtm.hub.home.HubHome;
import co.rtm.hub.ingest.IngestCounts;
import co.rtm.hub.ingest.StationPresence;
import co.rtm.hub.store.Database;
import co.rtm.hub.supervision.Argon2Hasher;
import co.rtm.hub.supervision.Role;
import co.rtm.hub.supervision.Supervisors;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fan-out of the dashboard's live feed: a real {@link ApiServer} on SQLite with a {@link LiveFeed} (the one the
 * Ingestor publishes to), {@code clients} SSE streams over real HTTP/1.1 (each opened with its own ticket, as the
 * page does), then {@code events} results published into the feed, {@code rate} per second (0: as fast as the
 * publishing thread can). Reports events delivered per second across all clients (first publish to last receipt),
 * publish-to-receipt latency p50/p95/p99 over every delivered event, and events dropped by the feed's per-client
 * bounded queues (oldest first). Clients and hub share the JVM (and the machine's cores), so latency includes the
 * clients' own reading.
 *
 * <pre>java -cp $CP co.rtm.hub.dashboard.SseFanOutSpeed [clients=50] [events=2000] [rate=0] [runs=3]</pre>
 */
public final class SseFanOutSpeed {
    private static final String PASSWORD = "B3nch-passw0rd!";

    private SseFanOutSpeed() {
    }

    /** {@code dropped}: the feed's count (oldest events pushed out of full per-client queues) during the run. */
    record Run(double eventsPerSecond, double p50Ms, double p95Ms, double p99Ms, long delivered, long dropped) {
    }

    public static void main(String[] args) throws Exception {
        int clients;
        int events;
        int rate;
        int runs;
        try {
            clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
            events = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
            rate = args.length > 2 ? Integer.parseInt(args[2]) : 0;
            runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
            if (clients < 1 || events < 1 || rate < 0 || runs < 1) {
                throw new NumberFormatException("clients, events and runs must be positive, rate not negative");
            }
        } catch (NumberFormatException e) {
            System.err.println("error: usage: SseFanOutSpeed [clients=50] [events=2000] [rate=0] [runs=3]: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path dir = Files.createTempDirectory("sse-fan-out");
        HubHome.init(dir);
        LiveFeed feed = new LiveFeed();
        try (Database db = Database.openDefault(dir)) {
            Supervisors sup = new Supervisors(db, Clock.systemUTC(), new Argon2Hasher(new Argon2Hasher.Params(1024, 1, 1)));
            sup.create("bench", "bench", Role.SUPERVISOR, PASSWORD);
            try (ApiServer api = ApiServer.start(db, 0, sup, () -> new IngestCounts(0, 0, 0, Map.of()), () -> "none", null,
                    null, new DashboardSources(feed, new StationPresence()))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String token = login(http, api.url());
                List<Run> results = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    Run run = run(http, api.url(), token, feed, clients, events, rate);
                    results.add(run);
                    System.out.printf("run %d: %,.0f events/s delivered, latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                            + " %d of %d delivered, %d dropped%n", r + 1, run.eventsPerSecond(), run.p50Ms(), run.p95Ms(),
                            run.p99Ms(), run.delivered(), (long) clients * events, run.dropped());
                }
                System.out.printf("median of %d runs (%d clients, %d events, rate %s): %,.0f events/s, p50 %.1f ms, p95 %.1f ms,"
                        + " p99 %.1f ms, %d dropped%n", runs, clients, events, rate == 0 ? "unpaced" : rate + "/s",
                        median(results, Run::eventsPerSecond), median(results, Run::p50Ms), median(results, Run::p95Ms),
                        median(results, Run::p99Ms), (long) median(results, x -> x.dropped()));
            }
        }
    }

    private static Run run(HttpClient http, String url, String token, LiveFeed feed, int clients, int events, int rate)
            throws Exception {
        long[] publishedAt = new long[events];
        long[][] latencies = new long[clients][events];
        int[] counts = new int[clients];
        AtomicLong lastReceipt = new AtomicLong();
        CountDownLatch connected = new CountDownLatch(clients);
        CountDownLatch done = new CountDownLatch(clients);
        List<InputStream> bodies = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String ticket = ticket(http, url, token);
            HttpResponse<InputStream> resp = http.send(HttpRequest.newBuilder(URI.create(url + "/api/events/stream?ticket=" + ticket))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("stream answered " + resp.statusCode());
            }
            bodies.add(resp.body());
            int me = c;
            Thread reader = new Thread(() -> read(resp.body(), me, publishedAt, latencies, counts, events, lastReceipt,
                    connected, done), "sse-client-" + c);
            reader.setDaemon(true);
            reader.start();
        }
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not all streams connected");
        }
        long droppedBefore = feed.dropped();
        long gapNanos = rate == 0 ? 0 : 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            if (gapNanos > 0) {
                long due = start + i * gapNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            publishedAt[i] = System.nanoTime();
            feed.publish(new FeedEvent(FeedEvent.ACCEPTED, Integer.toString(i), "CDA-B", "lane-b", "INSPECTION", "BEN" + i,
                    "APPROVED", (long) i + 1, (long) i + 1, null, Instant.now()));
        }
        // every client either got every event or went quiet (its queue dropped some) for two seconds
        long quietSince = System.nanoTime();
        long lastTotal = -1;
        while (!done.await(100, TimeUnit.MILLISECONDS)) {
            long total = Arrays.stream(counts).asLongStream().sum();
            if (total != lastTotal) {
                lastTotal = total;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 2_000_000_000L) {
                break;
            }
        }
        long dropped = feed.dropped() - droppedBefore;
        for (InputStream in : bodies) {
            in.close();
        }
        long delivered = 0;
        long[] all = new long[clients * events];
        int n = 0;
        for (int c = 0; c < clients; c++) {
            synchronized (latencies[c]) {
                System.arraycopy(latencies[c], 0, all, n, counts[c]);
                n += counts[c];
                delivered += counts[c];
            }
        }
        long[] lat = Arrays.copyOf(all, n);
        Arrays.sort(lat);
        double seconds = (lastReceipt.get() - start) / 1e9;
        // let the hub see the closed streams (a write fails; an idle stream writes its ping after 15 s) before the
        // next run subscribes, so one run's drops are not counted in the next
        long until = System.nanoTime() + 20_000_000_000L;
        while (feed.subscribers() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return new Run(delivered / seconds, pct(lat, 50), pct(lat, 95), pct(lat, 99), delivered, dropped);
    }

    private static void read(InputStream body, int me, long[] publishedAt, long[][] latencies, int[] counts, int events,
                             AtomicLong lastReceipt, CountDownLatch connected, CountDownLatch done) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            boolean first = true;
            String line;
            while ((line = in.readLine()) != null) {
                if (first && line.startsWith(":")) {
                    first = false;
                    connected.countDown();
                    continue;
                }
                if (!line.startsWith("data:")) {
                    continue;
                }
                long now = System.nanoTime();
                int k = line.indexOf("\"messageId\":\"") + 13;
                int seq = Integer.parseInt(line.substring(k, line.indexOf('"', k)));
                synchronized (latencies[me]) {
                    latencies[me][counts[me]++] = now - publishedAt[seq];
                }
                lastReceipt.accumulateAndGet(now, Math::max);
                if (seq == events - 1 || counts[me] == events) {
                    done.countDown();
                }
            }
        } catch (Exception e) {
            // the run closed the stream
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v[v.length / 2];
    }

    private static String login(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"bench\",\"password\":\"" + PASSWORD + "\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return field(r.body(), "token");
    }

    private static String ticket(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/events/ticket"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("ticket answered " + r.statusCode() + ": " + r.body());
        }
        return field(r.body(), "ticket");
    }

    private static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(i, json.indexOf('"', i));
    }
}
