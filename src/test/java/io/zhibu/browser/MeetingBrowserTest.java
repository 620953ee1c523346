package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * On phone-sized windows: the secretary plans a meeting, a member checks in with the code, the secretary records and
 * locks the minutes, and the branch's compliance shows the committee meeting held this month.
 */
class MeetingBrowserTest extends IntegrationTest {
    private ChromeDriver secretary;
    private ChromeDriver member;

    @AfterEach
    void stop() {
        if (secretary != null) {
            secretary.quit();
        }
        if (member != null) {
            member.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void login(ChromeDriver b, String user) {
        b.get(url("/login"));
        b.findElement(By.id("username")).sendKeys(user);
        b.findElement(By.id("password")).sendKeys(PASSWORD);
        b.findElement(By.id("login-submit")).click();
        assertThat(b.findElement(By.id("current-user")).getDomProperty("textContent")).as("signed in").startsWith(user);
    }

    /** Clicks through the DOM after scrolling: on a phone-sized window the element may lie below the fold. */
    private static void click(ChromeDriver b, String id) {
        var el = b.findElement(By.id(id));
        b.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", el);
    }

    /** Clicks a submit button and waits until the answer page has replaced the current one. */
    private static void submit(ChromeDriver b, String id) {
        var el = b.findElement(By.id(id));
        click(b, id);
        new org.openqa.selenium.support.ui.WebDriverWait(b, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(el));
    }

    @Test
    void planCheckInLockAndCompliance() {
        secretary = Browser.start(390, 844);
        member = Browser.start(390, 844);
        login(secretary, "secretary");
        secretary.get(url("/meetings/new"));
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        click(secretary, "type-COMMITTEE");
        secretary.findElement(By.id("title")).sendKeys("浏览器测试支委会");
        secretary.executeScript("document.getElementById('startsAt').value = arguments[0];"
                + "document.getElementById('endsAt').value = arguments[1];", start.toString(), start.plusHours(1).toString());
        secretary.findElement(By.id("place")).sendKeys("村委会议室");
        secretary.findElement(By.id("agenda")).sendKeys("学习文件");
        submit(secretary, "meeting-submit");
        assertThat(secretary.findElement(By.id("meeting-title")).getText()).isEqualTo("浏览器测试支委会");
        String meetingUrl = secretary.getCurrentUrl();
        String code = secretary.findElement(By.id("checkin-code")).getText();
        assertThat(code).matches("\\d{6}");

        login(member, "member");
        member.get(url("/meetings/my"));
        var link = member.findElements(By.className("meeting-link")).stream()
                .filter(l -> l.getText().equals("浏览器测试支委会")).findFirst();
        assertThat(link).as(member.getPageSource()).isPresent();
        // a longer list (other tests' meetings) must not leave the link under the sticky bar
        ((org.openqa.selenium.JavascriptExecutor) member).executeScript("arguments[0].scrollIntoView({block:'center'})", link.get());
        link.get().click();
        member.findElement(By.id("code")).sendKeys(code);
        submit(member, "checkin-submit");
        assertThat(member.findElement(By.id("my-status")).getText()).isEqualTo("出席");
        assertThat(member.findElements(By.id("checkin-submit"))).as("checked in: the form is gone").isEmpty();

        secretary.get(meetingUrl);
        assertThat(secretary.findElement(By.id("meeting-counts")).getText()).contains("实到 1 人");
        secretary.findElement(By.id("host")).sendKeys("张书记");
        secretary.findElement(By.id("recorder")).sendKeys("李委员");
        secretary.findElement(By.id("decisions")).sendKeys("通过学习计划");
        submit(secretary, "minutes-save");
        submit(secretary, "meeting-lock");
        assertThat(secretary.findElement(By.id("meeting-status")).getText()).isEqualTo("记录已锁定");
        assertThat(secretary.findElement(By.id("minutes-host")).getText()).isEqualTo("张书记");
        assertThat(secretary.findElements(By.id("minutes-form"))).isEmpty();

        secretary.get(url("/meetings/compliance"));
        String committee = secretary.findElement(By.id("ct-COMMITTEE")).getText();
        int month = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).getMonthValue();
        assertThat(committee).contains(month + "月 已开");
        assertThat(secretary.findElement(By.id("rate-total")).getText()).isNotBlank();
    }
}
