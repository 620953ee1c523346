package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import io.zhibu.supervision.Rollups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The county organization department drills from its dashboard down to a village branch, on a phone-sized screen. */
class DashboardDrillBrowserTest extends IntegrationTest {
    @Autowired
    Rollups rollups;
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

    @Test
    void countyDrillsDownToABranch() {
        rollups.applyPending();
        browser.get("http://localhost:" + port + "/supervision");
        browser.findElement(By.id("username")).sendKeys("county");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        browser.findElement(By.id("home-role"));
        browser.get("http://localhost:" + port + "/supervision");
        WebElement org = browser.findElement(By.id("dash-org"));
        assertThat(org.getDomAttribute("data-org-type")).isEqualTo("COMMITTEE");
        assertThat(browser.findElement(By.id("stat-members")).getText()).matches("[1-9][0-9]*");
        assertThat(browser.findElements(By.cssSelector("#chart-age canvas"))).as("ECharts drew the chart").isNotEmpty();
        List<String> visited = new ArrayList<>();
        visited.add(org.getText());
        for (int depth = 0; depth < 5 && !browser.findElements(By.cssSelector("#children a.drill")).isEmpty(); depth++) {
            // drill into the child with the most members, as a department would look for the big ones
            WebElement link = browser.findElements(By.cssSelector("#children a.drill")).getFirst();
            link.click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(org));
            org = browser.findElement(By.id("dash-org"));
            visited.add(org.getText());
            assertThat(browser.findElements(By.cssSelector("#dash-path li"))).hasSize(visited.size());
        }
        assertThat(org.getDomAttribute("data-org-type")).as("reached a branch through " + visited).contains("BRANCH");
        assertThat(browser.findElement(By.id("stat-meeting-rate")).getText()).isNotBlank();
        // and back up through the breadcrumb
        browser.findElements(By.cssSelector("#dash-path a")).getFirst().click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(org));
        assertThat(browser.findElement(By.id("dash-org")).getText()).isEqualTo(visited.getFirst());
    }
}
