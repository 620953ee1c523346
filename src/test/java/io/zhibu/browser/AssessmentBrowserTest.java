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
}
