package io.zhibu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Browser;
import io.zhibu.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16's walk-through, per role: at 1366×768 (Chinese and English) and 390×844, open every page of the role's
 * menu and check that it reads as a product — no sideways scrolling, no internal keys or codes in the visible text
 * (outside code blocks), no thousands-grouped years ("2,026"), no raw JSON — and that the top bar keeps the language
 * switch, messages and sign-out visible on one line. Screenshots of each page go to target/screenshots/menu/.
 */
class MenuPagesBrowserTest extends IntegrationTest {
    /** An internal key or code such as {@code meeting.three_one_rate} or {@code auth.login}. */
    static final Pattern INTERNAL_KEY = Pattern.compile("\\b[a-z]+(\\.[a-z_]+)+\\b");
    /** A year printed with a thousands separator. */
    static final Pattern GROUPED_YEAR = Pattern.compile("\\b2,0\\d\\d\\b");
    /** The menu of each role: groups the role must see and entries it must never see. */
    private static final Map<String, List<String>> MUST_NOT_SEE = Map.of(
            "member", List.of("/members/export.xlsx", "/swagger-ui", "/audit", "/warnings", "/supervision"),
            "secretary", List.of("/swagger-ui", "/audit"),
            "county", List.of("/swagger-ui", "/audit"),
            "township", List.of("/swagger-ui", "/audit"),
            "auditor", List.of("/members", "/swagger-ui"),
            "secadmin", List.of("/members", "/audit"),
            "admin", List.of());

    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "secadmin", "auditor", "county", "township", "secretary", "member"})
    void everyMenuPageReadsAsAProduct(String user) {
        SoftAssertions soft = new SoftAssertions();
        browser = Browser.start(1366, 768);
        login(user);
        List<String> pages = menu();
        assertThat(pages).as(user + "'s menu").isNotEmpty();
        for (String forbidden : MUST_NOT_SEE.get(user)) {
            assertThat(pages).as(user + " never sees " + forbidden).noneMatch(p -> p.equals(forbidden) || p.startsWith(forbidden + "?"));
        }
        assertThat(browser.findElements(By.cssSelector("#zb-menu > li"))).as("at most 7 top-level groups").hasSizeLessThanOrEqualTo(7);
        dropdownOpens();
        for (String lang : List.of("zh_CN", "en")) {
            browser.get(url("/?lang=" + lang));
            topBarFits(soft, user, lang);
            for (String page : pages) {
                check(soft, user, page, "1366-" + lang);
            }
        }
        browser.get(url("/?lang=zh_CN"));
        browser.quit();

        browser = Browser.start(390, 844);
        login(user);
        for (String page : pages) {
            check(soft, user, page, "390");
        }
        if (user.equals("member")) {
            assertThat(browser.findElement(By.id("tabbar")).isDisplayed()).as("the member's tab bar on a phone").isTrue();
        }
        soft.assertAll();
    }

    private void login(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        browser.findElement(By.id("home-role"));
    }

    /** The links of the role's menu (every group's entries), as the page's DOM has them. */
    private List<String> menu() {
        Set<String> out = new LinkedHashSet<>();
        for (WebElement a : browser.findElements(By.cssSelector("#zb-menu a.dropdown-item"))) {
            String href = a.getDomAttribute("href");
            if (href != null && !href.isBlank() && !href.startsWith("http")) {
                out.add(href);
            }
        }
        return new ArrayList<>(out);
    }

    /** A group's drop-down opens on a click and shows its entries. */
    private void dropdownOpens() {
        WebElement toggle = browser.findElement(By.cssSelector("#zb-menu > li:last-child > a.dropdown-toggle"));
        toggle.click();
        WebElement first = toggle.findElement(By.xpath("following-sibling::ul//a[1]"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(first));
        toggle.click();
    }

    /** At 1366 px the top bar is one line and the language switch, messages and sign-out are on screen. */
    private void topBarFits(SoftAssertions soft, String user, String lang) {
        String where = user + " " + lang + " top bar";
        Number navHeight = (Number) browser.executeScript("return document.querySelector('nav.zb-navbar').getBoundingClientRect().height");
        soft.assertThat(navHeight.doubleValue()).as(where + ": one line").isLessThan(70);
        String langId = lang.equals("en") ? "lang-zh" : "lang-en";
        for (String id : List.of(langId, "logout", "inbox-badge")) {
            WebElement e = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
            Boolean onScreen = (Boolean) browser.executeScript("const r = arguments[0].getBoundingClientRect();"
                    + "return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= 80;", e);
            soft.assertThat(onScreen).as(where + ": " + id + " visible").isTrue();
        }
        // no label broken into two-character columns: every group label is on one line
        for (WebElement g : browser.findElements(By.cssSelector("#zb-menu > li > a"))) {
            Number h = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().height", g);
            soft.assertThat(h.doubleValue()).as(where + ": '" + g.getText() + "' on one line").isLessThan(48);
        }
    }

    private void check(SoftAssertions soft, String user, String page, String view) {
        browser.get(url(page));
        browser.findElement(By.tagName("body"));
        String where = user + " " + view + " " + page;
        if (page.startsWith("/swagger-ui")) {
            // the administrator's API documentation (springdoc's Swagger UI): a page of code by nature, outside the
            // layout; it only has to open
            soft.assertThat(browser.getTitle()).as(where).containsIgnoringCase("swagger");
            return;
        }
        String source = browser.getPageSource();
        String text = (String) browser.executeScript("""
                const b = document.body.cloneNode(true);
                b.querySelectorAll('code, pre, kbd, samp, script, style, template').forEach(e => e.remove());
                return b.innerText || '';""");
        soft.assertThat(text.strip()).as(where + ": raw JSON").doesNotStartWith("{").doesNotStartWith("[");
        soft.assertThat(source).as(where + ": an HTML page").contains("zb-navbar");
        soft.assertThat(matches(INTERNAL_KEY, text)).as(where + ": internal keys in the text").isEmpty();
        soft.assertThat(matches(GROUPED_YEAR, text)).as(where + ": grouped years").isEmpty();
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        soft.assertThat(overflow.intValue()).as(where + ": sideways scroll (px)").isLessThanOrEqualTo(0);
        shot(user + "-" + view + page.replaceAll("[^A-Za-z0-9]+", "_"));
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find() && out.size() < 10) {
            out.add(m.group());
        }
        return out;
    }

    private void shot(String name) {
        try {
            Path dir = Path.of("target", "screenshots", "menu");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
