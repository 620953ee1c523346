package io.zhibu.themeday;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.TestFiles;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scope probes of the 主题党日 library: a theme of the foreign township (published by the administrator, with a file
 * and picked by a foreign meeting) answers 404 to the secretary and the township staff; the township's own theme and
 * the secretary's meeting that picked it answer 200 (positive owner case).
 */
public class ThemeDayScopeProbes implements ScopeProbeSet {
    private static long[] foreign;
    private static long[] own;

    static String form(long orgId) {
        return "{\"orgId\":" + orgId + ",\"month\":\"" + YearMonth.now() + "\",\"topic\":\"探针主题\",\"activities\":\"重温入党誓词\"}";
    }

    static String plan(long orgId, long themeId) {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        return "{\"orgId\":" + orgId + ",\"types\":[\"THEME_DAY\"],\"title\":\"探针主题党日\",\"startsAt\":\"" + start
                + "\",\"endsAt\":\"" + start.plusHours(2) + "\",\"place\":\"活动室\",\"themeId\":" + themeId + "}";
    }

    /** {theme, file, meeting} of the foreign township. */
    static synchronized long[] foreign(ScopeContext t) {
        if (foreign == null) {
            Api admin = t.as("admin");
            Api.Response r = admin.post("/api/v1/theme-days", form(t.facts().foreignTownshipId()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            long theme = r.at("/id").asLong();
            Api.Response file = admin.postBytes("/api/v1/theme-days/" + theme + "/files?name=a.png", TestFiles.png());
            assertThat(file.status()).as(file.body()).isEqualTo(201);
            Api.Response m = admin.post("/api/v1/meetings", plan(t.facts().foreignBranchId(), theme));
            assertThat(m.status()).as(m.body()).isEqualTo(201);
            foreign = new long[] {theme, file.at("/id").asLong(), m.at("/id").asLong()};
        }
        return foreign;
    }

    /** {theme, file, meeting}: the township's theme and the secretary's meeting that picked it. */
    static synchronized long[] own(ScopeContext t) {
        if (own == null) {
            Api.Response r = t.township().post("/api/v1/theme-days", form(t.facts().townshipId()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            long theme = r.at("/id").asLong();
            Api.Response file = t.township().postBytes("/api/v1/theme-days/" + theme + "/files?name=b.png", TestFiles.png());
            assertThat(file.status()).as(file.body()).isEqualTo(201);
            Api.Response m = t.secretary().post("/api/v1/meetings", plan(t.facts().ownBranchId(), theme));
            assertThat(m.status()).as(m.body()).isEqualTo(201);
            own = new long[] {theme, file.at("/id").asLong(), m.at("/id").asLong()};
        }
        return own;
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String api = "/api/v1/theme-days";
        p.put("GET /api/v1/theme-days", t -> {
            long f = foreign(t)[0];
            t.township404("GET", api + "?orgId=" + t.facts().foreignTownshipId(), null);
            t.api404("GET", api + "?orgId=" + t.facts().foreignBranchId());
            assertThat(t.township().get(api).body()).doesNotContain("\"id\":" + f + ",");
            long mine = own(t)[0];
            assertThat(t.secretary().get(api).body()).doesNotContain("\"id\":" + f + ",").contains("\"id\":" + mine + ",");
        });
        p.put("GET /api/v1/theme-days/choices", t -> {
            t.api404("GET", api + "/choices?orgId=" + t.facts().foreignBranchId());
            t.township404("GET", api + "/choices?orgId=" + t.facts().foreignBranchId(), null);
            long mine = own(t)[0];
            assertThat(t.secretary().get(api + "/choices?orgId=" + t.facts().ownBranchId()).body()).contains("\"themeId\":" + mine);
        });
        p.put("GET /api/v1/theme-days/meetings/{meetingId}", t -> {
            t.api404("GET", api + "/meetings/" + foreign(t)[2]);
            t.township404("GET", api + "/meetings/" + foreign(t)[2], null);
            assertThat(t.secretary().get(api + "/meetings/" + own(t)[2]).status()).isEqualTo(200);
        });
        p.put("GET /api/v1/theme-days/{id}", t -> {
            t.api404("GET", api + "/" + foreign(t)[0]);
            t.township404("GET", api + "/" + foreign(t)[0], null);
            assertThat(t.secretary().get(api + "/" + own(t)[0]).status()).isEqualTo(200);
        });
        p.put("POST /api/v1/theme-days", t -> t.township404("POST", api, form(t.facts().foreignTownshipId())));
        p.put("PUT /api/v1/theme-days/{id}", t -> t.township404("PUT", api + "/" + foreign(t)[0],
                "{\"month\":\"2026-12\",\"topic\":\"x\",\"activities\":\"y\",\"version\":0}"));
        p.put("POST /api/v1/theme-days/{id}/withdraw", t -> t.township404("POST", api + "/" + foreign(t)[0] + "/withdraw", null));
        p.put("POST /api/v1/theme-days/{id}/files", t -> {
            Api.Response r = t.township().postBytes(api + "/" + foreign(t)[0] + "/files?name=x.png", TestFiles.png());
            assertThat(r.status()).isEqualTo(404);
        });
        p.put("GET /api/v1/theme-days/{id}/files/{fileId}", t -> {
            t.api404("GET", api + "/" + foreign(t)[0] + "/files/" + foreign(t)[1]);
            t.township404("GET", api + "/" + foreign(t)[0] + "/files/" + foreign(t)[1], null);
            // a file id of another theme through the own theme's URL
            t.api404("GET", api + "/" + own(t)[0] + "/files/" + foreign(t)[1]);
            assertThat(t.secretary().get(api + "/" + own(t)[0] + "/files/" + own(t)[1]).status()).isEqualTo(200);
        });
        // --- pages
        p.put("GET /theme-days", t -> {
            t.page404(t.townshipWeb().get("/theme-days?orgId=" + t.facts().foreignTownshipId()));
            assertThat(t.secretaryWeb().get("/theme-days").status()).isEqualTo(200);
        });
        p.put("POST /theme-days", t -> t.page404(t.townshipWeb().post("/theme-days", Map.of("orgId",
                "" + t.facts().foreignTownshipId(), "month", "2026-12", "topic", "x", "activities", "y"))));
        p.put("GET /theme-days/{id}", t -> {
            t.page404(t.secretaryWeb().get("/theme-days/" + foreign(t)[0]));
            t.page404(t.townshipWeb().get("/theme-days/" + foreign(t)[0]));
            assertThat(t.secretaryWeb().get("/theme-days/" + own(t)[0]).status()).isEqualTo(200);
        });
        p.put("POST /theme-days/{id}", t -> t.page404(t.townshipWeb().post("/theme-days/" + foreign(t)[0], Map.of("month",
                "2026-12", "topic", "x", "activities", "y", "version", "0"))));
        p.put("POST /theme-days/{id}/withdraw", t -> t.page404(t.townshipWeb().post("/theme-days/" + foreign(t)[0] + "/withdraw",
                Map.of())));
        p.put("POST /theme-days/{id}/files", t -> t.page404(t.townshipWeb().post("/theme-days/" + foreign(t)[0] + "/files",
                Map.of())));
        p.put("GET /theme-days/{id}/files/{fileId}", t -> {
            t.page404(t.townshipWeb().get("/theme-days/" + foreign(t)[0] + "/files/" + foreign(t)[1]));
            assertThat(t.secretaryWeb().get("/theme-days/" + own(t)[0] + "/files/" + own(t)[1]).status()).isEqualTo(200);
        });
        return p;
    }
}
