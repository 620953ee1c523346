package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every entry of a role's menu opens a page (200): a menu must not offer what the role cannot open — the platform
 * admin, who has no organization of its own, was once offered the venue register and the serving boards, which
 * answered 404 (they now open at the root). Faster than the browser walk (which checks what the pages say) and run without Chromium.
 */
class MenuEntriesAnswerTest extends IntegrationTest {
    private static final Pattern ENTRY = Pattern.compile("class=\"dropdown-item\"[^>]*href=\"([^\"#]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"admin", "secadmin", "auditor", "county", "township", "secretary", "member"})
    void everyMenuEntryOpens(String user) {
        WebSession web = new WebSession(port, user, PASSWORD);
        Set<String> entries = new LinkedHashSet<>();
        Matcher m = ENTRY.matcher(web.get("/").body());
        while (m.find()) {
            String href = m.group(1).replace("&amp;", "&");
            if (href.startsWith("/") && !href.startsWith("/logout") && !href.startsWith("/api-docs")
                    && !href.startsWith("/swagger") && !href.contains("lang=")) {
                entries.add(href);
            }
        }
        assertThat(entries).as("%s has a menu", user).isNotEmpty();
        if (user.equals("admin")) {
            assertThat(entries).as("the platform admin opens these at the root").contains("/venues", "/serving");
        }
        List<String> failing = new ArrayList<>();
        for (String href : entries) {
            WebSession.Page page = web.get(href);
            boolean redirectOnward = page.status() / 100 == 3 && page.location() != null
                    && !page.location().contains("login") && !page.location().contains("error");
            if (page.status() != 200 && !redirectOnward) {
                failing.add(href + " → " + page.status());
            }
        }
        assertThat(failing).as("menu entries of %s that do not open", user).isEmpty();
    }
}
