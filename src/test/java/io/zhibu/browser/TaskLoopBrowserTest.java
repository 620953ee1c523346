package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17: the county sends a task with the organization picker, the secretary signs and replies on a phone
 * (390×844), the county accepts the reply and sees the board change.
 */
class TaskLoopBrowserTest extends IntegrationTest {
    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void click(By by) {
        WebElement e = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", e);
    }

    private WebDriverWait waitUp() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void login(String user, int width, int height) {
        browser = Browser.start(width, height);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitUp().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    @Test
    void countySendsSecretarySignsAndRepliesOnAPhoneCountyAccepts() {
        long branch = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        long township = as("township").get("/api/v1/me").at("/orgId").asLong();
        Api admin = as("admin");
        String branchName = admin.get("/api/v1/orgs/" + branch).at("/name").asText();
        String title = "浏览器任务 " + System.nanoTime() % 100000;

        // the county: new task, one picked branch
        login("county", 1280, 900);
        browser.get(url("/tasks"));
        click(By.id("task-new"));
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("task-form")));
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("content")).sendKeys("请于期限内组织学习并反馈参加人数。");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dueOn').value = arguments[0];",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString());
        click(By.id("mode-pick"));
        WebElement q = browser.findElement(By.id("pick1-pick"));
        q.sendKeys(branchName);
        By option = By.cssSelector("#pick1-options .zb-pick-option[data-id='" + branch + "']");
        waitUp().until(d -> !d.findElements(option).isEmpty());
        click(option);
        assertThat(browser.findElement(By.id("pick1")).getDomProperty("value")).isEqualTo(String.valueOf(branch));
        WebElement form = browser.findElement(By.id("task-form"));
        click(By.id("task-send"));
        waitUp().until(ExpectedConditions.stalenessOf(form));
        assertThat(text("task-title")).isEqualTo(title);
        assertThat(text("fig-total")).isEqualTo("1");
        assertThat(text("fig-received")).isEqualTo("0");
        String board = browser.getCurrentUrl();
        long task = Long.parseLong(board.replaceAll(".*/tasks/(\\d+).*", "$1"));
        browser.quit();

        // the secretary on a phone
        login("secretary", 390, 844);
        browser.get(url("/tasks/inbox"));
        click(By.id("inbox-" + task));
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("task-receive")));
        assertThat(text("task-title")).isEqualTo(title);
        click(By.id("task-receive"));
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("feedback-form")));
        browser.findElement(By.id("text")).sendKeys("已组织专题学习，参加党员 21 人。");
        WebElement reply = browser.findElement(By.id("feedback-form"));
        click(By.id("task-submit"));
        waitUp().until(ExpectedConditions.stalenessOf(reply));
        assertThat(text("item-status")).isEqualTo("待验收");
        assertThat(text("item-feedback")).contains("21 人");
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(0);
        browser.quit();

        // the county accepts and the board changes: the township's line, then the branch below it
        login("county", 1280, 900);
        browser.get(board);
        assertThat(text("fig-submitted")).isEqualTo("1");
        click(By.cssSelector("#child-" + township + " a"));
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("child-" + branch)));
        assertThat(text("fig-submitted")).isEqualTo("1");
        assertThat(text("fig-accepted")).isEqualTo("0");
        WebElement row = browser.findElement(By.id("child-" + branch));
        assertThat(row.getText()).contains("21 人");
        click(By.cssSelector("#child-" + branch + " .review-accept"));
        waitUp().until(ExpectedConditions.stalenessOf(row));
        assertThat(text("fig-accepted")).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#child-" + branch + " .child-status")).getText()).isEqualTo("已验收");
    }
}
