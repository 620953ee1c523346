package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** On a phone: the anonymous survey page without login, then the campaign page's star chart drawn by ECharts. */
class RectificationBrowserTest extends IntegrationTest {
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

    @Test
    void anonymousAnswerOnAPhoneAndTheStarChart() {
        Api township = as("township");
        long branch = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        Api.Response s = township.post("/api/v1/assessment/surveys", "{\"orgId\":" + branch + ",\"title\":\"手机测评\",\"audience\":20,\"year\":"
                + (LocalDate.now().getYear() + 31) + "}");
        assertThat(s.status()).as(s.body()).isEqualTo(201);

        String ticket = township.post("/api/v1/assessment/surveys/" + s.at("/id").asLong() + "/tickets",
                "{\"publicCount\":1}").json().get(0).get("ticket").asText();
        browser = Browser.start(390, 844);
        browser.get(url("/survey/" + s.at("/token").asText() + "?t=" + ticket));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("手机测评");
        click(By.id("a-y"));
        click(By.id("p-n"));
        click(By.id("s-1"));
        WebElement form = browser.findElement(By.id("answer-form"));
        click(By.id("answer-submit"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(form));
        assertThat(browser.findElement(By.id("survey-thanks")).isDisplayed()).isTrue();
        assertThat(township.get("/api/v1/assessment/surveys/" + s.at("/id").asLong()).at("/rates/satisfaction").decimalValue())
                .isEqualByComparingTo("100");
        browser.quit();

        long campaign = township.get("/api/v1/assessment/campaigns").json().get(0).get("id").asLong();
        browser = Browser.start(390, 844);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("township");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(url("/assessment/campaigns/" + campaign));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#chart-stars canvas")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#chart-stars canvas"))).as("ECharts drew the star chart").isNotEmpty();
    }
}
