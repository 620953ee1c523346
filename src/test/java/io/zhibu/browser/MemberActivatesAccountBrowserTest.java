package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15: a member just registered by the secretary gets an activation code, opens the activation page on a
 * phone-sized screen (390×844) from the slip's QR link, sets a password and lands on their home page, signed in.
 */
class MemberActivatesAccountBrowserTest extends IntegrationTest {
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
    void newMemberActivatesWithACodeAndSeesTheirHomePage() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        Api.Response created = secretary.post("/api/v1/members", "{\"orgId\":" + branch + ",\"name\":\"激活浏览器\","
                + "\"idNumber\":\"" + TestIds.fresh(false) + "\",\"ethnicity\":\"01\",\"category\":\"FULL\","
                + "\"joinedOn\":\"2012-07-01\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String login = String.format("M%08d", created.at("/id").asLong());
        Api.Response accounts = secretary.get("/api/v1/accounts?q=" + login);
        long accountId = accounts.at("/items/0/id").asLong();
        String code = secretary.post("/api/v1/accounts/" + accountId + "/activation-codes", "{}").at("/activationCode").asText();

        // from the login page's link, as a member without the slip's QR code would
        browser.get(url("/login"));
        browser.findElement(By.id("activate-link")).click();
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("code")).sendKeys(code.toLowerCase());
        browser.findElement(By.id("newPassword")).sendKeys("Phone#2026ok");
        browser.findElement(By.id("confirmPassword")).sendKeys("Phone#2026ok");
        Object width = browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("fits a 390-px phone").isLessThanOrEqualTo(390);
        browser.findElement(By.id("activate-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.id("home-role")).size() > 0);
        // the member's home greets them by their real name, not by the login name
        assertThat(browser.findElement(By.id("welcome")).getText()).contains("激活浏览器").doesNotContain(login);

        // and signs in with the new password next time
        assertThat(api().login(login, "Phone#2026ok").get("/api/v1/me").at("/realName").asText()).isEqualTo("激活浏览器");
    }
}
