package org.flowpat.hmi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver. Missing browser or driver is a test FAILURE naming the
 * package, never a skip: the browser tests are part of the contract.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    static ChromeDriver start(Path profileDir, int width, int height) {
        if (!Files.isExecutable(BROWSER)) {
            throw new AssertionError(BROWSER + " is missing: install the Debian package 'chromium' (apt-get install chromium)");
        }
        if (!Files.isExecutable(DRIVER)) {
            throw new AssertionError(DRIVER + " is missing: install the Debian package 'chromium-driver' (apt-get install chromium-driver)");
        }
        // With the driver named, Selenium Manager (which would download a browser) is not used.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--user-data-dir=" + profileDir,
                "--window-size=" + width + "," + height, "--force-device-scale-factor=1", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
