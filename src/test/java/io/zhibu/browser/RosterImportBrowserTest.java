package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.member.RosterColumn;
import io.zhibu.support.Api;
import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** A secretary on a phone imports a small roster with one bad row, sees the row error, fixes the file and imports. */
class RosterImportBrowserTest extends IntegrationTest {
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

    private static String row(String name, String id, String code) {
        String[] v = new String[RosterColumn.values().length];
        Arrays.fill(v, "");
        v[RosterColumn.NAME.ordinal()] = name;
        v[RosterColumn.ETHNICITY.ordinal()] = "汉族";
        v[RosterColumn.ID_NUMBER.ordinal()] = id;
        v[RosterColumn.ORG_CODE.ordinal()] = code;
        v[RosterColumn.CATEGORY.ordinal()] = "正式党员";
        v[RosterColumn.JOINED_ON.ordinal()] = "2014-07-01";
        return String.join(",", v);
    }

    private WebElement waitFor(By by) {
        long end = System.currentTimeMillis() + 30_000;
        while (true) {
            List<WebElement> found = browser.findElements(by);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("no " + by + " on " + browser.getCurrentUrl() + ":\n" + browser.getPageSource());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void upload(Path file) {
        browser.get(url("/members/import"));
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("import-upload")).click();
    }

    @Test
    void importWithOneBadRowThenFixedFile() throws Exception {
        Api secretary = as("secretary");
        long branchId = secretary.get("/api/v1/me").at("/orgId").asLong();
        String code = as("admin").get("/api/v1/orgs/" + branchId).at("/code").asText();
        String header = Arrays.stream(RosterColumn.values()).map(RosterColumn::header).collect(Collectors.joining(","));
        String good1 = "浏览甲" + "子丑寅卯".charAt((int) (System.nanoTime() % 4));
        String good2 = "浏览乙" + "辰巳午未".charAt((int) (System.nanoTime() % 4));
        String id1 = TestIds.fresh(true);
        String id2 = TestIds.fresh(false);
        String badId = id2.substring(0, 17) + (id2.charAt(17) == '0' ? '1' : '0');
        Path dir = Files.createTempDirectory("zb-browser");
        Path bad = dir.resolve("名册.csv");
        Files.writeString(bad, header + "\n" + row(good1, id1, code) + "\n" + row(good2, badId, code) + "\n", StandardCharsets.UTF_8);
        Path fixed = dir.resolve("名册-修正.csv");
        Files.writeString(fixed, header + "\n" + row(good1, id1, code) + "\n" + row(good2, id2, code) + "\n", StandardCharsets.UTF_8);

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("secretary");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        browser.findElement(By.id("home-role")); // signed in: wait for the home page before navigating on

        upload(bad);
        WebElement issues = waitFor(By.id("import-issues"));
        assertThat(issues.getText()).contains("3", "公民身份号码");
        assertThat(browser.findElement(By.id("import-invalid")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.id("import-commit"))).as("no import while a row is invalid").isEmpty();
        assertThat(browser.findElement(By.id("import-errors-download")).isDisplayed()).isTrue();
        Supplier<Long> count = () -> secretary.get("/api/v1/members?size=1&q=" + Api.enc(good1)).at("/total").asLong();
        assertThat(count.get()).isZero();

        upload(fixed);
        waitFor(By.id("import-commit")).click();
        WebElement done = waitFor(By.id("import-done"));
        assertThat(done.getText()).contains("新增 2 人");
        assertThat(count.get()).isEqualTo(1);
        assertThat(secretary.get("/api/v1/members?size=1&q=" + Api.enc(good2)).at("/total").asLong()).isEqualTo(1);
    }
}
