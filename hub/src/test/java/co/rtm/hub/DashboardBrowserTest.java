package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.dashboard.Browser;
import co.rtm.hub.plausibility.SeriesText;
import co.rtm.profiles.wire.InspectionMessage;
import com.fasterxml.jackson.databind.JsonNode;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.tracks.TrackBatch;
import co.rtm.profiles.tracks.TrackFix;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import co.rtm.profiles.wire.Envelope;
import co.rtm.profiles.wire.Json;
import co.rtm.profiles.wire.MessageHeader;
import co.rtm.profiles.wire.TopicKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The dashboard in headless chromium against a running hub fed with signed results through its broker. */
class DashboardBrowserTest extends RunningHubApi {
    static ChromeDriver browser;
    static final Path SHOTS = Path.of("target/screenshots");

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browser.start();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static WebElement waitFor(By by, Duration d) {
        return until(d, b -> {
            List<WebElement> found = b.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Polls {@code check} (exceptions count as not yet) until it gives a non-null, non-false value. */
    private static <T> T until(Duration d, java.util.function.Function<WebDriver, T> check) {
        long end = System.nanoTime() + d.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            try {
                T v = check.apply(browser);
                if (v != null && !Boolean.FALSE.equals(v)) {
                    return v;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        try {
            shot("failure");
        } catch (Exception e) {
            // best effort
        }
        String page = browser.findElements(By.id("main")).isEmpty() ? "" : browser.findElement(By.id("main")).getText();
        throw new AssertionError("not within " + d + (last == null ? "" : ": " + last.getMessage()) + "; page shows: " + page);
    }

    private static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static void go(String hash) {
        browser.get(api.url() + "/dashboard/" + hash);
    }

    private static void logIn(String user, String password) {
        go("#/login");
        WebElement name = waitFor(By.id("login-user"), Duration.ofSeconds(10));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("login-password")).clear();
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    @Test
    void aWrongPasswordIsRefusedWithTheError() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(api.url() + "/dashboard/");
        browser.executeScript("sessionStorage.clear()");
        // keyboard only: type, Tab to the password, Enter submits
        go("#/login");
        WebElement name = waitFor(By.id("login-user"), Duration.ofSeconds(10));
        name.clear();
        name.sendKeys("sup");
        name.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys("Wrong-passw0rd!", Keys.ENTER);
        WebElement error = until(Duration.ofSeconds(10), b -> b.findElement(By.id("login-error")).getText().isEmpty() ? null : b.findElement(By.id("login-error")));
        assertThat(error.getText()).contains("incorrectos");
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        shot("login-refused");
    }

    @Test
    void aSupervisorFollowsAResultFromTheLiveFeedToItsDetailAcknowledgesAnAlertAndSeesATrack() throws Exception {
        logIn("sup", "Sup3rvisor!x");
        waitFor(By.id("ov-table"), Duration.ofSeconds(10));
        go("#/en-vivo");
        waitFor(By.id("feed-list"), Duration.ofSeconds(10));
        // the stream is connected once the feed has a subscriber
        until(Duration.ofSeconds(10), b -> hub.presence() != null
                && send("GET", "/api/dashboard/overview", sup, null).json().get("feed").get("subscribers").asInt() > 0);

        try (TestLane lane = new TestLane(hub.provision("CDA-WEB", "web-1", "cda-light"), hub.mqttUrl())) {
            ScoreResult ok = TestLane.score(TestLane.approvedInput());
            // with the raw series its instruments read (brake forces, gas), as the plausibility tests build them
            InspectionMessage plain = lane.inspection(UUID.randomUUID(), 1, TestLane.approvedInput(), ok);
            JsonNode evidence = new SeriesText().identity("brakes", 2, "Sim FR-3000 BR1").readings("brakes", 40, 16_000, 300)
                    .identity("gas", 2, "Sim AG-500 GA1").readings("gas", 30, 16_500, 30)
                    .instrument("brakes", "BR1", "2027-08-02").instrument("gas", "GA1", "2027-08-02").evidence();
            InspectionMessage withSeries = InspectionMessage.of(new MessageHeader(plain.messageId(), plain.centerId(),
                    plain.stationId(), plain.seq(), plain.bootId(), plain.createdAt()), plain.profile(), plain.startedAt(),
                    plain.inspectors(), null, plain.input(), plain.score(), evidence);
            Ack ack = lane.send(lane.sign(withSeries), UUID.randomUUID());
            assertThat(ack.status()).isEqualTo(AckStatus.ACCEPTED);
            long acked = System.nanoTime();
            String plate = "WEB-1-1";
            until(Duration.ofSeconds(2), b -> b.findElement(By.id("feed-list")).getText().contains(plate));
            System.out.printf("live feed showed the result %d ms after its ack%n", (System.nanoTime() - acked) / 1_000_000);
            shot("live");

            // the same seq again under a new messageId: refused (replay), which raises an alert
            Ack refused = lane.send(lane.sign(lane.inspection(UUID.randomUUID(), 1, TestLane.approvedInput(), ok)), UUID.randomUUID());
            assertThat(refused.status()).isEqualTo(AckStatus.REJECTED);

            go("#/buscar?q=" + plate);
            waitFor(By.cssSelector("a.result-link"), Duration.ofSeconds(10));
            shot("search");
            waitFor(By.cssSelector("a.result-link"), Duration.ofSeconds(10)).click();
            WebElement measurements = waitFor(By.id("detail-measurements"), Duration.ofSeconds(10));
            assertThat(measurements.getText()).contains("brakes.axles[0].serviceLeftN").contains("1900");
            assertThat(browser.findElement(By.id("main")).getText()).contains("Recalificado por el hub").contains("APPROVED");
            assertThat(browser.findElements(By.cssSelector("#detail-limits tbody tr"))).isNotEmpty();
            List<WebElement> plots = browser.findElements(By.cssSelector("#detail-plots svg path.series"));
            assertThat(plots).hasSize(2);
            assertThat(plots.get(0).getAttribute("d").split("L")).hasSize(40);
            shot("detail");
            browser.executeScript("document.getElementById('detail-limits').scrollIntoView()");
            shot("detail-limits-and-plots");
            assertThat(browser.findElement(By.id("detail-limits")).getText()).contains("cumple");
            shot("detail");

            go("#/alertas");
            WebElement ackButton = waitFor(By.cssSelector("button.ack"), Duration.ofSeconds(10));
            String alertId = ackButton.getAttribute("data-id");
            browser.findElement(By.id("comment-" + alertId)).sendKeys("revisado en el tablero");
            ackButton.click();
            until(Duration.ofSeconds(10), b -> b.findElement(By.id("alert-" + alertId)).getText().contains("Atendida"));
            assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'ALERT_ACKNOWLEDGED' AND subject = ?", "alert:" + alertId))
                    .isEqualTo(1);

            shot("alerts");
        }
        // a mobile line scheduled in Bogotá (DANE 11001) drives through it: its signed track goes through the broker
        hub.registry().createCenter("MOV-WEB", co.rtm.hub.registry.CenterKind.MOBILE, "Unidad móvil web", "MOVWEB");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("America/Bogota"));
        Reply stay = send("POST", "/api/centers/MOV-WEB/stays", admin, map("municipalityCode", "11001",
                "from", today.minusDays(1).toString(), "to", today.plusDays(40).toString()));
        assertThat(stay.status()).as(stay.body()).isEqualTo(201);
        try (TestLane lane = new TestLane(hub.provision("MOV-WEB", "mov-1", "cda-light-mobile"), hub.mqttUrl())) {
            lane.client.publish(lane.topic(TopicKind.STATUS), "online", null, null);
            List<TrackFix> fixes = new ArrayList<>();
            Instant start = Instant.now().minusSeconds(180);
            for (int i = 0; i < 120; i++) {
                fixes.add(new TrackFix(start.plusSeconds(i), 4.60 + i * 0.00015, -74.08 + i * 0.0001, 2600.0, 60.0, 0.0, 0.9, 9, 1));
            }
            TrackBatch batch = TrackBatch.of(new MessageHeader(UUID.randomUUID(), "MOV-WEB", "mov-1", 1, "boot-1",
                    OffsetDateTime.now(ZoneOffset.ofHours(-5))), fixes);
            Ack trackAck = lane.sendOn(lane.topic(TopicKind.TRACK), Envelope.sign(Json.write(batch), TrackBatch.TYPE, lane.key),
                    UUID.randomUUID());
            assertThat(trackAck.status()).isEqualTo(AckStatus.ACCEPTED);
            go("#/moviles?linea=mov-1");
            WebElement track = waitFor(By.cssSelector("#map svg path.track"), Duration.ofSeconds(10));
            assertThat(track.getAttribute("d")).startsWith("M").contains("L");
            assertThat(browser.findElements(By.cssSelector("#map svg path.muni"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#map svg path.muni.scheduled"))).hasSize(1);
            shot("mobile");
        }
        // the test lane's inspection started at 10:05 Bogotá on 2026-11-20: one bar of 1 in the 10 o'clock slot
        go("#/capacidad?centro=CDA-WEB&fecha=2026-11-20");
        waitFor(By.cssSelector("#cap-charts svg"), Duration.ofSeconds(10));
        @SuppressWarnings("unchecked")
        List<String> bars = (List<String>) browser.executeScript("return [...document.querySelectorAll('#cap-charts svg')[0]"
                + ".querySelectorAll('rect title')].map(t => t.textContent)");
        assertThat(bars).hasSize(24).contains("10: 1", "09: 0", "11: 0");
        shot("capacity");
        go("#/resumen");
        String overview = waitFor(By.id("ov-table"), Duration.ofSeconds(10)).getText();
        assertThat(overview).contains("web-1", "mov-1 en línea");
        shot("overview");
        go("#/examenes?documento=CC-79123456&cale=CALE-NONE");
        assertThat(waitFor(By.id("exams-none"), Duration.ofSeconds(10)).getText()).contains("No hay");
        shot("exams");
    }

    @SuppressWarnings("unused")
    private static WebDriver driver() {
        return browser;
    }
}
