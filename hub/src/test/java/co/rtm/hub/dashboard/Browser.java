package co.rtm.hub.dashboard;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium through its chromedriver, with Selenium Manager and telemetry off: the driver path is
 * given, so Selenium never downloads or phones home. Missing browser: the test is skipped, or fails under CI=true.
 */
public final class Browser {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Browser() {
    }

    public static ChromeDriver start() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String why = "chromium or chromedriver missing; install the Debian packages 'chromium' and 'chromium-driver'";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true)");
            }
            assumeTrue(false, why);
        }
        System.setProperty("selenium.manager", "off");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withEnvironment(java.util.Map.of("SE_AVOID_STATS", "true")).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1280,1000", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--metrics-recording-only");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }
}
