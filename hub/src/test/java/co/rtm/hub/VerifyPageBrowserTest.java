package co.rtm.hub;

import static org.assertj.core.api.Assertions.assertThat;

import co.rtm.hub.dashboard.Browser;
import co.rtm.hub.documents.QrDecoding;
import co.rtm.profiles.scoring.ScoreResult;
import co.rtm.profiles.wire.Ack;
import co.rtm.profiles.wire.AckStatus;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The public /verify page in headless chromium, as a citizen would use it: no login, the text a phone read from the
 * QR code of a certificate PDF pasted into the form. The certificate comes from an approved inspection a signed test
 * lane sent through the hub's broker; its PDF is fetched with the supervisor's token, rendered with PDFBox and its
 * QR decoded with ZXing ({@link QrDecoding}).
 */
class VerifyPageBrowserTest extends RunningHubApi {
    static ChromeDriver browser;
    static final Path SHOTS = Path.of("target/screenshots");
    static final DateTimeFormatter COLOMBIA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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

    private static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Opens /verify with no session at all, pastes {@code qr} into the form and submits it; the verdict's text. */
    private static String verifyOnThePage(String qr) {
        browser.manage().deleteAllCookies();
        browser.get(api.url() + "/verify");
        WebElement field = waitFor(By.id("qr"));
        // pasted, not typed key by key: the QR text goes in as one value, as a phone's scanner app would hand it over
        browser.executeScript("arguments[0].value = arguments[1]", field, qr);
        field.submit();
        return waitFor(By.cssSelector("p.verdict")).getText();
    }

    private static WebElement waitFor(By by) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            java.util.List<WebElement> found = browser.findElements(by);
            if (!found.isEmpty() && found.get(0).isDisplayed()) {
                return found.get(0);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(by + " not shown within 10 s; page shows: " + browser.findElement(By.tagName("body")).getText());
    }

    @Test
    void theQrOfACertificatePdfIsGenuineOnThePublicPageAndOneChangedCharacterIsNot() throws Exception {
        Ack ack;
        String plate;
        try (TestLane lane = new TestLane(hub.provision("CDA-VER", "ver-1", "cda-light"), hub.mqttUrl())) {
            ScoreResult ok = TestLane.score(TestLane.approvedInput());
            ack = lane.send(lane.sign(lane.inspection(UUID.randomUUID(), 1, TestLane.approvedInput(), ok)), UUID.randomUUID());
            plate = "VER-1-1";
        }
        assertThat(ack.status()).isEqualTo(AckStatus.ACCEPTED);
        assertThat(ack.certificateNumber()).isNotNull();

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/api/certificates/RTM/"
                + ack.certificateNumber() + ".pdf")).header("Authorization", "Bearer " + sup).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        String qr = QrDecoding.qrOfFirstPage(pdf.body());
        assertThat(qr).contains(plate);

        String genuine = verifyOnThePage(qr);
        String page = browser.findElement(By.tagName("body")).getText();
        shot("verify-genuine");
        assertThat(genuine).isEqualTo("AUTÉNTICO");
        // issued when the hub accepted the result: the time its signed ack carries, shown in Colombian time
        String issued = COLOMBIA.format(ack.acceptedAt().toInstant().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of("America/Bogota")));
        assertThat(page).contains("RTM-" + ack.certificateNumber(), plate, issued + " (hora de Colombia)");
        assertThat(browser.manage().getCookies()).isEmpty();

        // one character of the signature changed: the seal no longer verifies
        int i = qr.length() - 3;
        String tampered = qr.substring(0, i) + (qr.charAt(i) == 'A' ? 'B' : 'A') + qr.substring(i + 1);
        String refused = verifyOnThePage(tampered);
        String refusedPage = browser.findElement(By.tagName("body")).getText();
        shot("verify-tampered");
        assertThat(refused).isEqualTo("NO AUTÉNTICO");
        assertThat(refusedPage).doesNotContain("Expedido", issued);
    }
}
