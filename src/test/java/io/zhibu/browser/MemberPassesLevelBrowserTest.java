package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.account.AccountService;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A member on a phone-sized screen plays level 1 of a county bank (single, multiple, true/false) and opens level 2. */
class MemberPassesLevelBrowserTest extends IntegrationTest {
    /** Stem → the option letters to tick. */
    private static final Map<String, String> KEY = Map.of(
            "党的根本宗旨是什么？", "B",
            "“三会一课”中的“三会”包括哪些？", "ABC",
            "预备党员的预备期为一年。", "A");
    private ChromeDriver browser;

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

    private void submit(String id) {
        WebElement el = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", el);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(el));
    }

    @Test
    void memberPassesLevelOneOnAPhone() {
        Api admin = as("admin");
        String branchPath = admin.get("/api/v1/orgs/" + as("secretary").get("/api/v1/me").at("/orgId").asLong())
                .at("/path").asText();
        long county = Long.parseLong(branchPath.substring(0, 8));
        long bank = admin.post("/api/v1/learning/banks", "{\"orgId\":" + county + ",\"name\":\"手机闯关\"}").at("/id").asLong();
        String csv = "题型,题干,A,B,C,D,答案,解析\n"
                + "单选,党的根本宗旨是什么？,发展经济,全心全意为人民服务,改革开放,依法治国,B,党章总纲\n"
                + "多选,“三会一课”中的“三会”包括哪些？,支部党员大会,支部委员会会议,党小组会,组织生活会,ABC,\n"
                + "判断,预备党员的预备期为一年。,,,,,对,党章第七条\n";
        assertThat(admin.multipart("/api/v1/learning/banks/" + bank + "/import", "b.csv",
                csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        admin.put("/api/v1/learning/banks/" + bank + "/levels/1", "{\"questions\":3,\"passCorrect\":3,\"secondsPerQuestion\":120}");
        admin.put("/api/v1/learning/banks/" + bank + "/levels/2", "{\"questions\":3,\"passCorrect\":3,\"secondsPerQuestion\":120}");
        long memberId = admin.get("/api/v1/members?size=1&page=450").at("/items/0/id").asLong();
        String username = "phone-quiz-" + System.nanoTime() % 100000;
        accounts.createUser(username, "闯关党员", PASSWORD, Role.MEMBER, null, memberId);

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(url("/learning/quiz/banks/" + bank));
        assertThat(browser.findElement(By.id("level-2")).getDomAttribute("data-status")).isEqualTo("LOCKED");
        submit("start-1");
        for (int i = 0; i < 3; i++) {
            String stem = browser.findElement(By.id("stem")).getText();
            assertThat(KEY).containsKey(stem);
            for (char letter : KEY.get(stem).toCharArray()) {
                WebElement option = browser.findElement(By.cssSelector("input[name=answer][value=" + letter + "]"));
                browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", option);
            }
            submit("answer-button");
            assertThat(browser.findElement(By.id("feedback")).getDomAttribute("data-correct")).isEqualTo("true");
        }
        WebElement result = browser.findElement(By.id("result"));
        assertThat(result.getDomAttribute("data-status")).isEqualTo("PASSED");
        assertThat(result.getText()).contains("闯关成功");
        submit("back-to-bank");
        assertThat(browser.findElement(By.id("level-1")).getDomAttribute("data-status")).isEqualTo("PASSED");
        assertThat(browser.findElement(By.id("level-2")).getDomAttribute("data-status")).isEqualTo("OPEN");
    }
}
