package io.zhibu.disclosure.internal;

import static io.zhibu.db.Tables.DISCLOSURE_ITEM;
import static io.zhibu.db.Tables.THEMEDAY_THEME;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.demo.LivedYear;
import io.zhibu.supervision.Dashboards;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lived year of 三务公开 and theme days on the demo county's other township (not the secretary's, which the API
 * tests use): items for the periods that ended, a rate above 0 and below 100 % from the live figures the dashboard
 * rollups are checked against, themes every month.
 */
class DisclosureLivedYearTest extends IntegrationTest {
    static final DataScope ADMIN = new DataScope(0, "lived-year-test", Role.ADMIN, null, OrgPath.ROOT, null, null);
    @Autowired
    List<LivedYear> parts;
    @Autowired
    DSLContext db;
    @Autowired
    Dashboards dashboards;
    @Autowired
    io.zhibu.supervision.Rollups rollups;

    @Test
    void aTownshipLivesAYearOfDisclosures() {
        DemoFacts f = DemoFacts.discover(as("admin"), as("secretary"), as("township"));
        String path = as("admin").get("/api/v1/orgs/" + f.foreignTownshipId()).at("/path").asText();
        LocalDate today = LocalDate.now();
        LivedYear.Region region = new LivedYear.Region(f.foreignTownshipId(), path, today, 11, 12);
        long rows = 0;
        for (LivedYear p : parts) {
            if (p.name().startsWith("disclosure") || p.name().startsWith("theme days")) {
                rows += p.generate(region);
            }
        }
        assertThat(rows).isPositive();
        assertThat(db.fetchCount(DISCLOSURE_ITEM, DISCLOSURE_ITEM.ORG_PATH.startsWith(path))).isPositive();
        assertThat(db.fetchCount(DISCLOSURE_ITEM, DISCLOSURE_ITEM.ORG_PATH.startsWith(path).and(DISCLOSURE_ITEM.PUBLIC_TOKEN.isNotNull())))
                .as("some public items").isPositive();
        // the lived year's own items (the scope probes publish for this township's branch today, in any order)
        assertThat(db.fetchCount(DISCLOSURE_ITEM, DISCLOSURE_ITEM.ORG_PATH.startsWith(path)
                .and(DISCLOSURE_ITEM.PUBLISHED_BY.eq("demo-year")).and(DISCLOSURE_ITEM.PUBLISHED_ON.ge(today))))
                .as("nothing published in the future").isZero();
        assertThat(db.fetchCount(THEMEDAY_THEME, THEMEDAY_THEME.ORG_PATH.eq(path))).isGreaterThanOrEqualTo(4);
        Map<String, Long> live = dashboards.liveFigures(ADMIN, f.foreignTownshipId(), String.valueOf(today.getYear()))
                .get(f.foreignTownshipId());
        long due = live.getOrDefault("disclosure.due", 0L);
        long published = live.getOrDefault("disclosure.published", 0L);
        assertThat(due).isPositive();
        assertThat(published).as("most obligations met").isGreaterThan(due / 2).isLessThanOrEqualTo(due);
        // as the loader does after the lived year: one rebuild; the county's dashboard shows the township's rate
        rollups.rebuildSync("lived-year-test");
        var dash = dashboards.dashboard(ADMIN, f.foreignTownshipId(), String.valueOf(today.getYear()), null);
        assertThat(dash.figure("disclosure.due")).isEqualTo(due);
        assertThat(dash.figure("disclosure.published")).isEqualTo(published);
    }
}
