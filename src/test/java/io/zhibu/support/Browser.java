package io.zhibu.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the OS packages (Debian's chromium + chromium-driver); no browser downloads.
 * Where they are missing, browser tests are skipped with a message.
 */
public final class Browser {
    private static final String[] CHROMIUM = {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"};
    private static final String[] DRIVER = {"/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"};

    private Browser() {
    }

    public static ChromeDriver start(int width, int height) {
        String binary = first(CHROMIUM);
        String driver = first(DRIVER);
        Assumptions.assumeTrue(binary != null && driver != null,
                "Browser tests skipped: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("zhibu-chrome");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--lang=zh-CN", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                    .usingAnyFreePort().build();
            ChromeDriver d = new ChromeDriver(service, options);
            d.manage().window().setSize(new Dimension(width, height));
            d.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
            return d;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(String[] paths) {
        for (String p : paths) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        return null;
    }
}
