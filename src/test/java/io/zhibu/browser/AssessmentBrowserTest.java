package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The branch secretary does the self-check on a phone; then the township staff spot-checks with a reason. */
class AssessmentBrowserTest extends IntegrationTest {
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

    private void login(String user, String path) {
        browser.get(url(path));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(url(path));
    }

    private void submit(By button) {
        WebElement b = browser.findElement(button);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", b);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(b));
    }

    @Test
    void selfCheckThenSpotCheck() {
        Api township = as("township");
        long branch = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        Api.Response sys = township.post("/api/v1/assessment/systems", "{\"year\":" + (LocalDate.now().getYear() + 30)
                + ",\"preset\":\"qingshen-6x\"}");
        assertThat(sys.status()).as(sys.body()).isEqualTo(201);
        Api.Response c = township.post("/api/v1/assessment/campaigns", "{\"orgId\":" + township.get("/api/v1/me").at("/orgId").asLong()
                + ",\"systemId\":" + sys.at("/summary/id").asLong() + ",\"name\":\"浏览器测试 " + UUID.randomUUID().toString().substring(0, 6) + "\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        long id = c.at("/id").asLong();

        browser = Browser.start(390, 844);
        login("secretary", "/assessment/campaigns/" + id);
        assertThat(browser.getCurrentUrl()).contains("/results/" + branch);
        double before = Double.parseDouble(browser.findElement(By.id("result-score")).getText());
        browser.findElement(By.name("score_B6a")).sendKeys("9");
        browser.findElement(By.name("note_B6a")).sendKeys("活动室已挂牌");
        browser.findElement(By.id("comment")).sendKeys("自查完毕");
        submit(By.id("self-submit"));
        assertThat(browser.findElement(By.id("self-submitted")).isDisplayed()).isTrue();
        assertThat(Double.parseDouble(browser.findElement(By.id("result-score")).getText())).isEqualTo(before + 9);
        assertThat(browser.findElement(By.id("breakdown")).getText()).contains("活动室已挂牌");
        browser.quit();

        browser = Browser.start(390, 844);
        login("township", "/assessment/campaigns/" + id + "/results/" + branch);
        WebElement check = browser.findElement(By.id("check_B6a"));
        check.clear();
        check.sendKeys("6");
        browser.findElement(By.id("reason_B6a")).sendKeys("制度未上墙");
        browser.findElement(By.id("rectification")).sendKeys("一个月内完成制度上墙");
        submit(By.id("spot-save"));
        assertThat(Double.parseDouble(browser.findElement(By.id("result-score")).getText())).isEqualTo(before + 6);
        assertThat(browser.findElement(By.id("breakdown")).getText()).contains("制度未上墙");
        // without a reason the adjustment is refused and the score stays
        WebElement again = browser.findElement(By.id("check_B6a"));
        again.clear();
        again.sendKeys("2");
        submit(By.id("spot-save"));
        assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText()).contains("理由");
        assertThat(Double.parseDouble(browser.findElement(By.id("result-score")).getText())).isEqualTo(before + 6);
    }

    private void click(WebElement e) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", e);
    }

    /** A viewport screenshot for a human look at the phone layout (target/screenshots). */
    private void screenshot(String name, WebElement at) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", at);
            java.nio.file.Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void type(WebElement e, String text) {
        e.clear();
        e.sendKeys(text);
    }

    /** On a phone: the standard system form refuses points that do not add up, then saves an edit as version 2. */
    @Test
    void editStandardSystemThroughTheForm() {
        Api township = as("township");
        String code = "BF-" + UUID.randomUUID().toString().substring(0, 8);
        String preset = township.get("/api/v1/assessment/presets/qingshen-6x").json().toString()
                .replace("\"QS-6X\"", Api.quote(code));
        Api.Response sys = township.post("/api/v1/assessment/systems", "{\"year\":" + (LocalDate.now().getYear() + 31)
                + ",\"system\":" + preset + "}");
        assertThat(sys.status()).as(sys.body()).isEqualTo(201);
        long id = sys.at("/summary/id").asLong();

        browser = Browser.start(390, 844);
        login("township", "/assessment");
        // the weak-and-lax and survey pages are one click away
        click(browser.findElement(By.id("link-weak")));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/assessment/weak"));
        click(browser.findElement(By.id("link-surveys")));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/assessment/surveys"));

        browser.get(url("/assessment/systems/" + id));
        assertThat(browser.findElement(By.id("system-version")).getText()).isEqualTo("v1");
        WebElement b1aCode = browser.findElements(By.cssSelector(".zb-item input[name$='.code']")).stream()
                .filter(e -> "B1a".equals(e.getDomProperty("value"))).findFirst().orElseThrow();
        WebElement item = b1aCode.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' zb-item ')]"));
        String prefix = item.getDomAttribute("data-prefix");
        type(browser.findElement(By.name(prefix + ".points")), "9");
        assertThat(browser.findElement(By.id("points-sum")).getText()).isEqualTo("99");
        submit(By.id("save-form"));
        assertThat(browser.findElement(By.id("form-errors")).getText()).contains("99").contains("100");
        assertThat(browser.findElement(By.name(prefix + ".points")).getDomProperty("value")).isEqualTo("9");

        // add a judged item of 1 point to the same standard: the sum is 100 again
        WebElement standard = browser.findElement(By.name(prefix + ".points"))
                .findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' zb-standard ')]"));
        click(standard.findElement(By.cssSelector(".zb-add-item")));
        var rows = standard.findElements(By.cssSelector(".zb-item"));
        WebElement added = rows.get(rows.size() - 1);
        String p = added.getDomAttribute("data-prefix");
        assertThat(p).startsWith(standard.getDomAttribute("data-prefix") + ".i");
        type(browser.findElement(By.name(p + ".code")), "B1c");
        type(browser.findElement(By.name(p + ".name")), "阵地标识");
        type(browser.findElement(By.name(p + ".points")), "1");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name(p + ".mode"))).selectByValue("JUDGED");
        assertThat(browser.findElement(By.name(p + ".fact")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("points-sum")).getText()).isEqualTo("100");
        screenshot("assessment-system-form", added);
        submit(By.id("save-form"));
        assertThat(browser.getCurrentUrl()).doesNotContain("/form");
        assertThat(browser.findElement(By.id("system-version")).getText()).isEqualTo("v2");
        assertThat(browser.findElement(By.id("items")).getText()).contains("B1c 阵地标识");
        WebElement b1a = browser.findElements(By.cssSelector("#items tr")).stream()
                .filter(r -> r.getText().contains("B1a")).findFirst().orElseThrow();
        assertThat(b1a.getText()).contains("9");
    }
}
