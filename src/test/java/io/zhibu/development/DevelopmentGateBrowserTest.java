package io.zhibu.development;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/** On a phone: the secretary tries to make an activist a development target one day early (refused, art.13), then on time. */
class DevelopmentGateBrowserTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
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
    void oneYearGateRefusesThenPasses() {
        Api secretary = as("secretary");
        long branchId = secretary.get("/api/v1/me").at("/orgId").asLong();
        JsonNode full = secretary.get("/api/v1/members?category=FULL&size=1").at("/items");
        LocalDate b = TODAY.minusYears(2);
        Api.Response reg = secretary.post("/api/v1/development/persons", Api.json(Map.of("orgId", branchId,
                "name", "浏览器甲", "idNumber", TestIds.fresh(true), "ethnicity", "01", "appliedOn", b.toString(),
                "attachments", "入党申请书")));
        long id = reg.at("/person/id").asLong();
        LocalDate activist = b.plusMonths(1);
        step(secretary, id, 2, Map.of("date", b.plusDays(7).toString(), "people", "张书记"));
        step(secretary, id, 3, Map.of("date", activist.toString(), "attachments", "支委会记录"));
        step(secretary, id, 4, Map.of("date", activist.toString(), "attachments", "备案"));
        step(secretary, id, 5, Map.of("date", activist.toString(), "memberIds", full.get(0).get("id").asText()));
        step(secretary, id, 6, Map.of("date", activist.plusMonths(6).toString(), "attachments", "考察表"));

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("secretary");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        browser.findElement(By.id("home-role")); // signed in: wait for the home page before navigating on
        browser.get(url("/development/" + id));
        assertThat(browser.findElement(By.id("next-step-name")).getText()).contains("确定发展对象");

        LocalDate year = activist.plusYears(1);
        fillTarget(year.minusDays(1), year);
        assertThat(browser.findElement(By.id("step-errors")).getText()).contains("art.13").contains(year.toString());
        assertThat(browser.findElement(By.id("date")).getAttribute("class")).contains("is-invalid");
        shot("development-gate-refused");

        fillTarget(year, year);
        assertThat(browser.findElement(By.id("dev-state")).getText()).isEqualTo("发展对象");
        assertThat(browser.findElement(By.id("next-step-name")).getText()).startsWith("8.");
        shot("development-gate-passed");
    }

    private void fillTarget(LocalDate date, LocalDate year) {
        set("date", date);
        set("noticeFrom", year.minusDays(14));
        set("noticeTo", year.minusDays(1));
        WebElement attachments = browser.findElement(By.id("attachments"));
        attachments.clear();
        attachments.sendKeys("公示材料");
        WebElement submit = browser.findElement(By.id("step-submit"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
        submit.click();
        // wait for the answer page to replace this one before reading it
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(submit));
    }

    /** Viewport screenshots for a human look at the phone layout (target/screenshots). */
    private void shot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            browser.executeScript("window.scrollTo({top: 0, behavior: 'instant'});");
            java.nio.file.Files.write(dir.resolve(name + "-top.png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            browser.executeScript("window.scrollTo({top: 700, behavior: 'instant'});");
            java.nio.file.Files.write(dir.resolve(name + "-form.png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void set(String id, LocalDate value) {
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value.toString());
    }

    private static void step(Api api, long id, int no, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("version", api.get("/api/v1/development/persons/" + id).at("/version").asInt());
        Api.Response r = api.post("/api/v1/development/persons/" + id + "/steps/" + no, Api.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
