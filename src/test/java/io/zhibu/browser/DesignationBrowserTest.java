package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21 points 3 and 4 on a 390-px phone: the secretary designates a member with the member picker (no number
 * typed), opens the public 亮身份 card, and the care, aid and designation pages fit the screen.
 */
class DesignationBrowserTest extends IntegrationTest {
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

    private long overflow() {
        return (Long) browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    }

    @Test
    void secretaryDesignatesWithThePickerAndOpensTheCard() {
        String name = as("secretary").get("/api/v1/members?size=1").at("/items/0/name").asText();
        browser.get("http://localhost:" + port + "/serving/designations?lang=zh_CN");
        browser.findElement(By.id("username")).sendKeys("secretary");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        browser.findElement(By.id("home-role"));
        browser.get("http://localhost:" + port + "/serving/designations?lang=zh_CN");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.findElement(By.id("memberId-pick")).sendKeys(name);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#memberId-options .zb-pick-option"))).click();
        assertThat(browser.findElement(By.id("memberId")).getDomProperty("value")).as("the picker filled the id").isNotBlank();
        browser.findElement(By.id("d-post")).sendKeys("便民服务先锋岗");
        browser.findElement(By.id("d-commit")).sendKeys("亮身份、亮承诺、亮实绩");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                browser.findElement(By.cssSelector("#designation-form button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "便民服务先锋岗"));
        assertThat(overflow()).as("the designation page fits 390 px").isLessThanOrEqualTo(0);

        String card = browser.findElement(By.cssSelector(".designation .card-link")).getDomAttribute("href");
        browser.get("http://localhost:" + port + card);
        assertThat(browser.findElement(By.id("card-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("card-post")).getText()).isEqualTo("便民服务先锋岗");
        assertThat(overflow()).as("the card fits 390 px").isLessThanOrEqualTo(0);

        for (String page : new String[] {"/serving/care", "/serving/aid", "/serving/activities"}) {
            browser.get("http://localhost:" + port + page + "?lang=zh_CN");
            browser.findElement(By.cssSelector("main h1"));
            assertThat(overflow()).as(page + " fits 390 px").isLessThanOrEqualTo(0);
        }
    }
}
