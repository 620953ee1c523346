package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member on a phone-sized screen pays the month's dues in one click through the sandbox gateway. */
class MemberPaysDuesBrowserTest extends IntegrationTest {
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start(390, 844);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void memberPaysInOneClick() {
        browser.get(url("/dues"));
        browser.findElement(By.id("username")).sendKeys("member");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(url("/dues"));
        String before = browser.findElement(By.id("dues-paid-up-to")).getText();
        String target = browser.findElement(By.id("upTo")).getDomProperty("value");
        long paidRowsBefore = paidRows();
        browser.findElement(By.id("pay-button")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                "SUCCEEDED".equals(d.findElement(By.id("payment-result")).getDomAttribute("data-status")));
        assertThat(browser.findElement(By.id("payment-result")).getText()).isEqualTo("缴费成功");
        WebElement back = browser.findElement(By.id("payment-back"));
        back.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(back));
        assertThat(browser.findElement(By.id("dues-paid-up-to")).getText()).isEqualTo(target).isNotEqualTo(before);
        // the ledger shows the payment exactly once: one click, one charge
        assertThat(paidRows()).isEqualTo(paidRowsBefore + 1);
    }

    private long paidRows() {
        return browser.findElements(By.cssSelector("#payments tbody tr")).stream()
                .filter(r -> r.getText().contains("已到账")).count();
    }
}
