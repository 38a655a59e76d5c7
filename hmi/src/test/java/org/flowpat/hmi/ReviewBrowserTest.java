package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The control, control-chart, lot and audit pages in real headless Chromium against the shared running plant (the
 * controller's line state, lots, audit trail and historian): an operator resets and starts the line with reasons,
 * the analyzer drops out for a while, the operator watches a control chart draw its limits, sees the closed lot
 * that needs review but no sign button (and the API refuses the signature); a quality user opens the lot, sees
 * REVIEW with the dropout as its reason, mistypes the password, then signs and sees the signature; the operator holds the line and the state changes; the audit page shows these actions with their
 * reasons and the chain as valid. Screenshots go to target/screenshots.
 */
@ExtendWith(SharedPlant.class)
@Order(Order.DEFAULT + 2)
class ReviewBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    @Test
    void operatorCommandsTheLineQualitySignsALotAndTheAuditTrailShowsIt(RunningPlant plant) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        ChromeDriver browser = Chromium.start(dir.resolve("chromium-profile"), 1440, 900);
        Vertx client = Vertx.vertx();
        try (ApiClient operator = new ApiClient(client, URI.create(plant.url()).getPort())) {
            assertEquals(200, operator.login("operator", Users.DEMO_PASSWORD).statusCode());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
            wait.ignoring(StaleElementReferenceException.class); // tables refresh while we look
            WebDriverWait patient = new WebDriverWait(browser, Duration.ofSeconds(180), Duration.ofMillis(250));
            patient.ignoring(StaleElementReferenceException.class);

            login(browser, wait, plant, "operator");
            browser.get(plant.url() + "/control.html?line=L1");
            ready(wait);
            command(browser, wait, "reset", "start of the test shift");
            wait.until(d -> state(d).equals("IDLE"));
            command(browser, wait, "start", "campaign for the review test");
            wait.until(d -> state(d).equals("EXECUTE"));
            // The analyzer drops out for 90 s of data time (18 of a lot's 120 scans): that lot needs review.
            HttpResponse<Buffer> fault = operator.post("/api/simulator/faults", new JsonObject().put("type", "ANALYZER_DROPOUT")
                    .put("target", "AT1").put("magnitude", 0).put("durationS", 90));
            assertEquals(200, fault.statusCode(), fault.bodyAsString());

            // A control chart with its limits: phase II begins after the settling and reference scans.
            browser.get(plant.url() + "/charts.html?line=L1&cqa=purity");
            ready(wait);
            patient.until(d -> "true".equals(d.findElement(By.id("ichart")).getDomAttribute("data-limits")));
            assertTrue(Integer.parseInt(browser.findElement(By.id("ichart")).getDomAttribute("data-points")) > 20);
            assertFalse(browser.findElements(By.cssSelector("#ichart canvas")).isEmpty(), "uPlot drew the chart");
            assertTrue(browser.findElement(By.id("i-legend")).getText().contains("MONITORING"),
                    browser.findElement(By.id("i-legend")).getText());
            screenshot(browser, "charts.png");

            // The closed lot that needs review; the operator may look but not sign.
            browser.get(plant.url() + "/lots.html");
            ready(wait);
            String lotId = patient.until(d -> {
                d.findElement(By.id("l-search")).click();
                return d.findElements(By.cssSelector("#lots tr[data-lot]")).stream()
                        .filter(r -> r.getText().contains("CLOSED") && r.getText().contains("REVIEW"))
                        .map(r -> r.getDomAttribute("data-lot")).findFirst().orElse(null);
            });
            screenshot(browser, "lots.png");
            browser.get(plant.url() + "/lots.html?id=" + lotId);
            ready(wait);
            assertTrue(browser.findElements(By.id("d-sign")).isEmpty(), "no sign button for an operator");
            assertEquals(403, operator.post("/api/lots/" + lotId + "/signatures", new JsonObject()
                    .put("password", Users.DEMO_PASSWORD).put("meaning", "APPROVED").put("recordHash", "ab".repeat(32)))
                    .statusCode(), "the server refuses an operator's signature");
            logout(browser, wait);

            // The quality user: decision and reasons first, a wrong password refused, then the signature.
            login(browser, wait, plant, "quality");
            browser.get(plant.url() + "/lots.html?id=" + lotId);
            ready(wait);
            assertEquals("REVIEW", browser.findElement(By.id("d-decision")).getText());
            String reasons = browser.findElements(By.cssSelector("#d-reasons li[data-rule]")).stream()
                    .map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
            assertTrue(reasons.contains("completeness") || reasons.contains("analyzer-fault"),
                    "the dropout is the reason: " + reasons);
            browser.findElement(By.id("d-sign")).click();
            wait.until(d -> d.findElement(By.id("sign")).isDisplayed());
            new Select(browser.findElement(By.id("sg-meaning"))).selectByValue("APPROVED");
            browser.findElement(By.id("sg-comment")).sendKeys("reviewed the exceptions");
            browser.findElement(By.id("sg-password")).sendKeys("wrong-password");
            browser.findElement(By.id("sg-ok")).click();
            wait.until(d -> d.findElement(By.id("sg-msg")).getText().contains("wrong password"));
            assertTrue(browser.getCurrentUrl().contains("/lots.html"), "a mistyped password does not end the session");
            browser.findElement(By.id("sg-password")).sendKeys(Users.DEMO_PASSWORD);
            screenshot(browser, "lot-sign.png");
            browser.findElement(By.id("sg-ok")).click();
            wait.until(d -> d.findElements(By.cssSelector("#d-signatures tr.signature[data-user=quality]")).size() == 1);
            String signature = browser.findElement(By.cssSelector("#d-signatures tr.signature")).getText();
            assertTrue(signature.contains("Demo quality") && signature.contains("APPROVED"), signature);
            screenshot(browser, "lot.png");
            logout(browser, wait);

            // The operator holds the line.
            login(browser, wait, plant, "operator");
            browser.get(plant.url() + "/control.html?line=L1");
            ready(wait);
            command(browser, wait, "hold", "hold for the sampling check");
            wait.until(d -> state(d).equals("HELD"));
            // The jacket temperature loop to AUTO with a reason (its output then the PID's alone), and back to MANUAL.
            loop(browser, wait, "auto", "hold the reactor temperature");
            wait.until(d -> loopCell(d, "td.mode").getText().equals("AUTO"));
            assertFalse(loopCell(browser, "button[data-loop-action=output]").isEnabled(), "no manual output in AUTO");
            // the loop's output signal is the loop's in AUTO: no Change… for it
            wait.until(d -> !jacketSetpointChange(d).isEnabled());
            screenshot(browser, "control.png");
            loop(browser, wait, "manual", "back to manual for the sampling check");
            wait.until(d -> loopCell(d, "td.mode").getText().equals("MANUAL"));
            wait.until(d -> jacketSetpointChange(d).isEnabled());

            // The audit trail: the signature, the failed password entry, the chain valid.
            browser.get(plant.url() + "/audit.html");
            ready(wait);
            wait.until(d -> "true".equals(d.findElement(By.id("chain")).getDomAttribute("data-valid")));
            assertTrue(browser.findElement(By.id("chain")).getText().contains("chain valid"));
            wait.until(d -> !d.findElements(By.cssSelector("#entries tr[data-action='lot.signature']")).isEmpty());
            String signed = browser.findElement(By.cssSelector("#entries tr[data-action='lot.signature']")).getText();
            assertTrue(signed.contains("quality") && signed.contains(lotId), signed);
            assertFalse(browser.findElements(By.cssSelector("#entries tr[data-action='user.login-failed']")).isEmpty(),
                    "the mistyped signing password is in the trail");
            String commands = browser.findElements(By.cssSelector("#entries tr[data-action='line.command']")).stream()
                    .map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
            for (String reason : List.of("start of the test shift", "campaign for the review test", "hold for the sampling check")) {
                assertTrue(commands.contains(reason), "the command given for '" + reason + "' is audited: " + commands);
            }
            screenshot(browser, "audit.png");
        } finally {
            browser.quit();
            client.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static void login(ChromeDriver browser, WebDriverWait wait, RunningPlant plant, String user) {
        browser.get(plant.url() + "/login.html");
        wait.until(d -> d.findElement(By.id("user")).isDisplayed());
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Users.DEMO_PASSWORD);
        browser.findElement(By.id("login")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/overview.html"));
    }

    private static void logout(ChromeDriver browser, WebDriverWait wait) {
        browser.findElement(By.id("logout")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/login.html"));
    }

    private static void ready(WebDriverWait wait) {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private static String state(WebDriver d) {
        return d.findElement(By.id("k-state")).getText();
    }

    /** Clicks a line command, gives the reason in the confirmation dialog and waits for the answer. */
    private static void command(ChromeDriver browser, WebDriverWait wait, String command, String reason) {
        browser.findElement(By.cssSelector("#k-commands button[data-command=" + command + "]")).click();
        wait.until(d -> d.findElement(By.id("k-dialog")).isDisplayed());
        browser.findElement(By.id("k-reason")).sendKeys(reason);
        browser.findElement(By.id("k-ok")).click();
        wait.until(d -> !d.findElement(By.id("k-dialog")).isDisplayed());
        String answer = browser.findElement(By.id("k-msg")).getText();
        assertTrue(answer.contains(command.toUpperCase()) && answer.contains("accepted"), answer);
    }

    private static WebElement loopCell(WebDriver d, String css) {
        return d.findElement(By.cssSelector("#loops tr[data-loop=jacket-tic] " + css));
    }

    private static WebElement jacketSetpointChange(WebDriver d) {
        return d.findElement(By.cssSelector("#setpoints tr[data-signal='R1.jacketSetpoint'] button.change"));
    }

    /** Clicks a button of the jacket loop once it is enabled, confirms with the reason and waits for the answer. */
    private static void loop(ChromeDriver browser, WebDriverWait wait, String action, String reason) {
        wait.until(d -> loopCell(d, "button[data-loop-action=" + action + "]").isEnabled());
        loopCell(browser, "button[data-loop-action=" + action + "]").click();
        wait.until(d -> d.findElement(By.id("k-dialog")).isDisplayed());
        browser.findElement(By.id("k-reason")).sendKeys(reason);
        browser.findElement(By.id("k-ok")).click();
        wait.until(d -> !d.findElement(By.id("k-dialog")).isDisplayed());
        String answer = browser.findElement(By.id("k-msg")).getText();
        assertTrue(answer.startsWith("jacket-tic: " + action.toUpperCase()), answer);
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
