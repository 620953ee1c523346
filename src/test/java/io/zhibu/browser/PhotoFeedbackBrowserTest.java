package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17 (remaining gaps 2 and 5): the county sends a task that requires photos; the secretary, on a 390×844
 * phone, signs, is told plainly that a photo is needed when replying without one (nothing recorded), uploads a
 * photo and replies; the county sees the board count the reply, accepts it, and sees the board change again.
 */
class PhotoFeedbackBrowserTest extends IntegrationTest {
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

    private void submitFeedback(String reply) {
        WebElement box = browser.findElement(By.id("text"));
        box.clear();
        box.sendKeys(reply);
        WebElement form = browser.findElement(By.id("feedback-form"));
        click(By.id("task-submit"));
        waitUp().until(ExpectedConditions.stalenessOf(form));
    }

    @Test
    void aPhotoIsRequiredOnThePhoneThenTheCountyAccepts() throws Exception {
        long branch = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        long township = as("township").get("/api/v1/me").at("/orgId").asLong();
        String branchName = as("admin").get("/api/v1/orgs/" + branch).at("/name").asText();
        String title = "照片反馈任务 " + System.nanoTime() % 100000;

        // the county: a task that requires photos, to one picked branch
        login("county", 1280, 900);
        browser.get(url("/tasks"));
        click(By.id("task-new"));
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("task-form")));
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("content")).sendKeys("请上传阵地整改后的现场照片并说明情况。");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dueOn').value = arguments[0];",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString());
        new Select(browser.findElement(By.id("feedbackKind"))).selectByValue("PHOTO");
        click(By.id("mode-pick"));
        browser.findElement(By.id("pick1-pick")).sendKeys(branchName);
        By option = By.cssSelector("#pick1-options .zb-pick-option[data-id='" + branch + "']");
        waitUp().until(d -> !d.findElements(option).isEmpty());
        click(option);
        WebElement form = browser.findElement(By.id("task-form"));
        click(By.id("task-send"));
        waitUp().until(ExpectedConditions.stalenessOf(form));
        assertThat(text("task-title")).isEqualTo(title);
        assertThat(text("fig-total")).isEqualTo("1");
        String board = browser.getCurrentUrl();
        long task = Long.parseLong(board.replaceAll(".*/tasks/(\\d+).*", "$1"));
        browser.quit();

        // the secretary on a phone: sign, reply without a photo (refused, plainly), upload, reply
        login("secretary", 390, 844);
        browser.get(url("/tasks/inbox"));
        click(By.id("inbox-" + task));
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("task-receive")));
        click(By.id("task-receive"));
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("feedback-form")));
        assertThat(text("feedback-requires")).contains("照片");
        submitFeedback("已整改完毕，照片见附件。");
        assertThat(text("feedback-photos-error")).contains("照片");
        assertThat(text("item-status")).isEqualTo("已签收");
        assertThat(browser.findElements(By.id("item-feedback"))).isEmpty();

        Path photo = Files.createTempFile("现场", ".png");
        Files.write(photo, TestFiles.png());
        WebElement files = browser.findElement(By.id("task-files"));
        browser.findElement(By.id("file-input")).sendKeys(photo.toString());
        click(By.id("file-upload"));
        waitUp().until(ExpectedConditions.stalenessOf(files));
        assertThat(text("task-files")).contains(".png");
        submitFeedback("已整改完毕，照片见附件。");
        assertThat(text("item-status")).isEqualTo("待验收");
        assertThat(text("item-feedback")).contains("已整改完毕");
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(0);
        browser.quit();
        Files.deleteIfExists(photo);

        // the county: the board counts the reply; accepting it moves the board again
        login("county", 1280, 900);
        browser.get(board);
        assertThat(text("fig-submitted")).isEqualTo("1");
        assertThat(text("fig-accepted")).isEqualTo("0");
        click(By.cssSelector("#child-" + township + " a"));
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("child-" + branch)));
        WebElement row = browser.findElement(By.id("child-" + branch));
        assertThat(row.getText()).contains("已整改完毕");
        click(By.cssSelector("#child-" + branch + " .review-accept"));
        waitUp().until(ExpectedConditions.stalenessOf(row));
        assertThat(text("fig-accepted")).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#child-" + branch + " .child-status")).getText()).isEqualTo("已验收");
    }
}
