package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HMI in real headless Chromium against the real thing: the simulated line (OPC UA + Modbus on loopback, fast
 * time), the controller's acquisition and embedded historian, the trend service, and the HMI. An operator logs in
 * through the login page, watches live values change on the overview, changes a setpoint through its faceplate
 * (written by the controller's setpoint service to the simulator and read back) and opens trends drawn from the
 * historian.
 * Screenshots go to target/screenshots (a test never writes into the source tree).
 */
@ExtendWith(SharedPlant.class)
@Order(Order.DEFAULT + 1) // last, with the other browser tests: the shared plant runs until the end
class BrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    @Test
    void anOperatorLogsInSeesLiveValuesChangeAndOpensTrends(RunningPlant plant) throws Exception {
        ChromeDriver browser = null;
        try {
            Files.createDirectories(SCREENSHOTS);

            browser = Chromium.start(dir.resolve("chromium-profile"), 1440, 1060);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));

            browser.get(plant.url() + "/");
            wait.until(d -> d.getCurrentUrl().endsWith("/login.html"));
            wait.until(d -> d.findElement(By.id("demo")).isDisplayed());
            screenshot(browser, "login.png");
            browser.findElement(By.id("user")).sendKeys("operator");
            browser.findElement(By.id("password")).sendKeys("wrong");
            browser.findElement(By.id("login")).click();
            wait.until(d -> !d.findElement(By.id("error")).getText().isEmpty());
            assertTrue(browser.findElement(By.id("error")).getText().contains("wrong password"));
            browser.findElement(By.id("password")).sendKeys(Users.DEMO_PASSWORD);
            browser.findElement(By.id("login")).click();

            wait.until(d -> d.getCurrentUrl().endsWith("/overview.html"));
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertTrue(browser.findElement(By.id("user")).getText().contains("operator"));
            // Live values arrive and change while we watch.
            wait.until(d -> !value(d, "R1.temperature").isEmpty());
            Map<String, String> first = values(browser);
            wait.until(d -> !values(d).equals(first));
            assertEquals("live", browser.findElement(By.id("conn")).getText());
            assertFalse(browser.findElements(By.cssSelector("#cqas tbody tr")).isEmpty(), "CQAs are listed");
            Thread.sleep(4000); // let the sparklines gather a few seconds
            screenshot(browser, "overview.png");

            // The operator changes the jacket setpoint through its faceplate, giving a reason.
            browser.findElement(By.cssSelector("[id='v-R1.jacketSetpoint']")).click();
            wait.until(d -> d.findElement(By.id("faceplate")).isDisplayed());
            WebElement value = browser.findElement(By.id("fp-value"));
            value.clear();
            value.sendKeys("81.5");
            browser.findElement(By.id("fp-reason")).sendKeys("raise conversion");
            screenshot(browser, "faceplate.png");
            browser.findElement(By.id("fp-write")).click();
            // The controller's setpoint service writes it to the simulated line; acquisition reads it back.
            wait.until(d -> d.findElement(By.id("fp-msg")).getText().equals("written"));
            wait.until(d -> !d.findElement(By.id("faceplate")).isDisplayed());
            wait.until(d -> value(d, "R1.jacketSetpoint").equals("81.5"));

            browser.findElement(By.cssSelector("nav a[data-page=trends]")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/trends.html"));
            wait.until(d -> d.findElements(By.cssSelector(".chart[data-points]")).size() >= 3);
            wait.until(d -> d.findElements(By.cssSelector(".chart[data-points]")).stream()
                    .allMatch(c -> Integer.parseInt(c.getDomAttribute("data-points")) > 10));
            WebElement chart = browser.findElement(By.cssSelector(".chart[data-signal='L1/R1.temperature']"));
            assertFalse(chart.findElements(By.tagName("canvas")).isEmpty(), "uPlot drew a canvas");
            int before = Integer.parseInt(chart.getDomAttribute("data-points"));
            wait.until(d -> Integer.parseInt(d.findElement(By.cssSelector(".chart[data-signal='L1/R1.temperature']"))
                    .getDomAttribute("data-points")) > before);
            screenshot(browser, "trends.png");

            // Panning back leaves live mode; the range shown moves with it.
            String range = browser.findElement(By.id("range")).getText();
            browser.findElement(By.id("pan-left")).click();
            wait.until(d -> !d.findElement(By.id("live")).getDomAttribute("class").contains("on"));
            wait.until(d -> !d.findElement(By.id("range")).getText().equals(range));
            browser.findElement(By.cssSelector("button[data-span='3600']")).click();
            wait.until(d -> d.findElement(By.id("range")).getText().contains("buckets"));
            assertNotEquals("", browser.findElement(By.id("range")).getText());
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
    }


    private static String value(org.openqa.selenium.WebDriver d, String ref) {
        return d.findElement(By.cssSelector("[id='v-" + ref + "']")).getDomAttribute("data-value") == null ? ""
                : d.findElement(By.cssSelector("[id='v-" + ref + "']")).getDomAttribute("data-value");
    }

    private static Map<String, String> values(org.openqa.selenium.WebDriver d) {
        return Map.of("T", value(d, "R1.temperature"), "P", value(d, "R1.pressure"), "F", value(d, "P1.flow"),
                "M", value(d, "PV.mass") + value(d, "WV.mass") + value(d, "FA.mass"));
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
