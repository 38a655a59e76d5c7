package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Alarms in real headless Chromium against the simulated line and the controller (whose quality verticle raises
 * the alarms of the plant file): an engineer drops the NIR analyzer out from the simulator panel, sees the
 * analyzer-fault alarm on the alarms page, acknowledges it, shelves it with a reason and unshelves it, and finds it
 * in the overview banner.
 * Screenshots go to target/screenshots (a test never writes into the source tree).
 */
@ExtendWith(SharedPlant.class)
@Order(Order.DEFAULT + 3)
class AlarmBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String ROW = "tr[data-alarm='L1/analyzer-fault']";

    @TempDir
    Path dir;

    @Test
    void anEngineerInjectsAFaultSeesTheAlarmAcknowledgesAndShelvesIt(RunningPlant plant) throws Exception {
        ChromeDriver browser = null;
        try {
            Files.createDirectories(SCREENSHOTS);

            browser = Chromium.start(dir.resolve("chromium-profile"), 1440, 900);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
            wait.ignoring(StaleElementReferenceException.class); // the tables refresh every 2 s
            browser.get(plant.url() + "/login.html");
            wait.until(d -> d.findElement(By.id("user")).isDisplayed());
            browser.findElement(By.id("user")).sendKeys("engineer");
            browser.findElement(By.id("password")).sendKeys(Users.DEMO_PASSWORD);
            browser.findElement(By.id("login")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/overview.html"));

            // Demo mode shows the simulator panel in the navigation.
            wait.until(d -> d.findElement(By.cssSelector("nav a[data-page=simulator]")).isDisplayed());
            browser.findElement(By.cssSelector("nav a[data-page=simulator]")).click();
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            new Select(browser.findElement(By.id("s-type"))).selectByValue("ANALYZER_DROPOUT");
            browser.findElement(By.id("s-duration")).sendKeys("3600");
            browser.findElement(By.id("s-inject")).click();
            wait.until(d -> d.findElement(By.id("s-msg")).getText().contains("injected"));
            assertTrue(browser.findElement(By.id("s-msg")).getText().contains("ANALYZER_DROPOUT"),
                    browser.findElement(By.id("s-msg")).getText());
            screenshot(browser, "simulator.png");

            browser.findElement(By.cssSelector("nav a[data-page=alarms]")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/alarms.html"));
            wait.until(d -> state(d).equals("ACTIVE_UNACKED"));
            String row = wait.until(d -> d.findElement(By.cssSelector(ROW)).getText());
            assertTrue(row.contains("HIGH") && row.contains("NIR analyzer fault"), row);
            assertFalse(browser.findElements(By.cssSelector(ROW + " button.shelve")).isEmpty(),
                    "an engineer may shelve");
            screenshot(browser, "alarms.png");

            wait.until(d -> {
                d.findElement(By.cssSelector(ROW + " button.ack")).click();
                return true;
            });
            wait.until(d -> state(d).equals("ACTIVE_ACKED"));
            assertTrue(browser.findElements(By.cssSelector(ROW + " button.ack")).isEmpty(), "nothing left to ack");
            wait.until(d -> d.findElements(By.cssSelector("#history tr[data-alarm='L1/analyzer-fault']")).stream()
                    .anyMatch(r -> r.getText().contains("ACTIVE_ACKED") && r.getText().contains("engineer")));
            screenshot(browser, "alarms-acked.png");

            // An engineer may shelve it, with a reason; it stays listed, greyed, until unshelved.
            wait.until(d -> {
                d.findElement(By.cssSelector(ROW + " button.shelve")).click();
                return true;
            });
            wait.until(d -> d.findElement(By.id("shelve")).isDisplayed());
            browser.findElement(By.id("sh-duration")).clear();
            // the longest shelving: the controller times it against the line's data clock, which the shared plant's
            // 30x simulator has pushed well ahead of the wall clock by now
            browser.findElement(By.id("sh-duration")).sendKeys("1440");
            browser.findElement(By.id("sh-reason")).sendKeys("analyzer under maintenance");
            browser.findElement(By.id("sh-ok")).click();
            wait.until(d -> state(d).equals("SHELVED"));
            wait.until(d -> d.findElement(By.cssSelector(ROW)).getText().contains("analyzer under maintenance"));
            assertTrue(browser.findElement(By.cssSelector(ROW)).getDomAttribute("class").contains("muted"));
            wait.until(d -> {
                d.findElement(By.cssSelector(ROW + " button.unshelve")).click();
                return true;
            });
            wait.until(d -> state(d).startsWith("ACTIVE"));

            // The overview's banner counts it and links to the alarms page.
            browser.findElement(By.cssSelector("nav a[data-page=overview]")).click();
            wait.until(d -> d.findElement(By.id("alarm-text")).getText().contains("NIR analyzer fault")
                    || d.findElement(By.id("alarm-text")).getText().contains("HIGH"));
            assertTrue(browser.findElement(By.id("alarms")).getDomAttribute("class").contains("alarm"));
            screenshot(browser, "overview-alarm.png");
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    private static String state(WebDriver d) {
        var rows = d.findElements(By.cssSelector(ROW));
        return rows.isEmpty() ? "" : rows.get(0).getDomAttribute("data-state");
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
