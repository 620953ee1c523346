package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.points.PointsApiTest;
import io.zhibu.support.Api;
import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member on a phone-sized screen checks in to a meeting and sees the points arrive, with the link to the meeting. */
class MemberSeesPointsBrowserTest extends IntegrationTest {
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
    void memberChecksInAndSeesThePoints() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        String meeting = PointsApiTest.plan(secretary, branch, "积分浏览器测试");
        String code = secretary.get("/api/v1/meetings/" + meeting).at("/checkinCode").asText();

        browser.get(url("/points"));
        browser.findElement(By.id("username")).sendKeys("member");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.id("home-role")).size() > 0
                || d.getCurrentUrl().contains("/points"));
        browser.get(url("/points"));
        int before = Integer.parseInt(browser.findElement(By.id("points-total")).getText());

        // the QR code's URL pre-fills the code: one tap checks in
        browser.get(url("/meetings/" + meeting + "?code=" + code));
        WebElement checkIn = browser.findElement(By.id("checkin-submit"));
        checkIn.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(checkIn));

        // one tap from the member's bottom tab bar (phone)
        WebElement nav = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.id("tab-points")));
        nav.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(nav));
        List<WebElement> lines = browser.findElements(By.cssSelector("#points-ledger li[data-item='MEETING_ATTENDED']")).stream()
                .filter(li -> !li.findElements(By.cssSelector("a[href$='/meetings/" + meeting + "']")).isEmpty()).toList();
        assertThat(lines).as("the attendance line links to the meeting").hasSize(1);
        int earned = Integer.parseInt(lines.getFirst().getDomAttribute("data-points"));
        assertThat(earned).isBetween(0, 2);
        assertThat(Integer.parseInt(browser.findElement(By.id("points-total")).getText())).isEqualTo(before + earned);
        assertThat(lines.getFirst().getText()).contains("参加组织生活");
    }
}
