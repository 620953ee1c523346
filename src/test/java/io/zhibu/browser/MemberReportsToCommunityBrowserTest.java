package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.account.AccountService;
import io.zhibu.serving.ServingFixture;
import io.zhibu.support.Api;
import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 21 "Done when": on a 390-px phone an in-service member reports to a community and signs up for its need; the
 * community records the service; the hours appear in both branches and in the member's points.
 */
class MemberReportsToCommunityBrowserTest extends IntegrationTest {
    private ChromeDriver browser;

    @Autowired
    java.time.Clock clock;
    @Autowired
    AccountService accounts;

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

    private void click(WebElement el) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", el);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(el));
    }

    private void fitsThePhone() {
        Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(width.intValue()).as("no sideways scrolling on a 390-px phone").isLessThanOrEqualTo(390);
    }

    @Test
    void memberReportsSignsUpAndTheHoursReachBothBranchesAndThePoints() {
        ServingFixture f = ServingFixture.create(as("admin"), accounts, 2);
        browser.get(url("/login?lang=zh_CN"));
        browser.findElement(By.id("username")).sendKeys(f.memberUser());
        browser.findElement(By.id("password")).sendKeys(IntegrationTest.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));

        // from the phone home to 双报到, report to the community
        click(browser.findElement(By.id("tile-serving")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("双报到");
        fitsThePhone();
        new Select(browser.findElement(By.id("r-community"))).selectByValue(String.valueOf(f.communityId()));
        browser.findElement(By.id("r-note")).sendKeys("幸福小区 5 栋");
        click(browser.findElement(By.id("report-submit")));
        assertThat(browser.findElement(By.id("my-reports")).getText()).contains(f.communityName()).contains("待社区确认");

        // the community confirms and publishes a need
        Api community = as(f.communityUser());
        long report = community.get("/api/v1/serving").at("/reports/0/id").asLong();
        assertThat(community.post("/api/v1/serving/reports/" + report + "/confirm", "{}").status()).isEqualTo(200);
        Api.Response need = community.post("/api/v1/serving/needs", "{\"communityOrgId\":" + f.communityId()
                + ",\"title\":\"老年人智能手机使用辅导\",\"place\":\"社区党群服务中心\",\"needOn\":\"" + LocalDate.now(clock) + "\",\"places\":3}");
        assertThat(need.status()).as(need.body()).isEqualTo(201);

        // the member signs up on the phone
        browser.get(url("/serving"));
        WebElement card = browser.findElement(By.cssSelector("[data-need='" + need.at("/id").asLong() + "']"));
        assertThat(card.getText()).contains("老年人智能手机使用辅导");
        fitsThePhone();
        click(card.findElement(By.cssSelector("button.signup")));
        assertThat(browser.findElement(By.id("my-record")).getText()).contains("老年人智能手机使用辅导").contains("已报名");

        // the community records 3 hours with its feedback on its page
        WebSession communityWeb = new WebSession(port, f.communityUser(), PASSWORD);
        long signup = community.get("/api/v1/serving").at("/signups/0/id").asLong();
        WebSession.Page recorded = communityWeb.post("/serving/signups/" + signup + "/record",
                java.util.Map.of("servedOn", LocalDate.now(clock).toString(), "minutes", "180", "feedback", "讲解耐心，老人学会了视频通话"));
        assertThat(recorded.status()).isIn(200, 302);

        // the member sees the hours and the points; both branches see what was done
        browser.get(url("/serving"));
        assertThat(browser.findElement(By.id("my-hours")).getText()).isEqualTo("3.0");
        assertThat(browser.findElement(By.id("my-record")).getText()).contains("已服务").contains("180 分钟")
                .contains("讲解耐心，老人学会了视频通话");
        browser.get(url("/points"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("志愿服务");
        String unitPage = new WebSession(port, f.unitUser(), PASSWORD).get("/serving?lang=zh_CN").body();
        assertThat(unitPage).contains("老年人智能手机使用辅导").contains("180 分钟").contains("讲解耐心，老人学会了视频通话");
        String communityPage = communityWeb.get("/serving?lang=zh_CN").body();
        assertThat(communityPage).contains("180 分钟").contains(f.unitName());
    }
}
