package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.PinyinInitials;
import io.zhibu.support.Api;
import io.zhibu.support.Browser;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/** A branch secretary on a phone-sized screen: signs in, opens the roster, searches by pinyin, cannot reach another branch. */
class SecretaryRosterBrowserTest extends IntegrationTest {
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
    void secretarySearchesTheRosterByPinyinAndCannotSeeAnotherBranch() {
        DemoFacts facts = DemoFacts.discover(as("admin"), as("secretary"), as("township"));
        Api secretary = as("secretary");
        String name = secretary.get("/api/v1/members?size=1").at("/items/0/name").asText();

        browser.get(url("/members"));
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.findElement(By.id("username")).sendKeys("secretary");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        assertThat(browser.findElement(By.id("home-role")).getText()).isEqualTo("支部书记/委员");

        browser.get(url("/members"));
        assertThat(browser.findElement(By.id("member-total")).getText()).startsWith("共");
        browser.findElement(By.id("q")).sendKeys(PinyinInitials.of(name));
        browser.findElement(By.id("member-search")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("q="));
        List<WebElement> links = browser.findElements(By.className("member-link"));
        assertThat(links).extracting(WebElement::getText).contains(name);

        browser.findElement(By.linkText(name)).click();
        assertThat(browser.findElement(By.id("member-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("id-masked")).getText()).contains("**********");

        browser.get(url("/members/" + facts.foreignMemberId()));
        assertThat(browser.findElement(By.id("error-message")).getText()).contains("没有找到");
        assertThat(browser.getPageSource()).doesNotContain(facts.foreignBranchName());

        browser.get(url("/members?orgId=" + facts.foreignBranchId()));
        assertThat(browser.findElement(By.id("error-message")).getText()).contains("没有找到");

        browser.get(url("/members?lang=en"));
        assertThat(browser.findElement(By.id("member-total")).getText()).endsWith("members");
    }
}
