package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scope probes of the 软弱涣散 and three-rate survey endpoints: a designation and a survey of the foreign branch (made
 * once by the administrator) answer 404 to the secretary and the township staff and leak nothing.
 */
public class RectificationScopeProbes implements ScopeProbeSet {
    private static long[] foreign;
    private static final String DUE = LocalDate.now().plusMonths(1).toString();

    @Override
    public Map<String, String> exempt() {
        return Map.of("GET /survey/{token}", "anonymous answer page by design: only the survey's random token, shows branch name and title only",
                "POST /survey/{token}", "anonymous answer by design (random survey token); stores no identity and returns no data",
                "POST /survey/{token}/answers", "anonymous answer by design (random survey token); stores no identity and returns no data");
    }

    /** {designation, survey} of the foreign branch. */
    private static synchronized long[] foreign(ScopeContext t) {
        if (foreign == null) {
            Api admin = t.as("admin");
            Api.Response w = admin.post("/api/v1/assessment/weak", "{\"orgId\":" + t.facts().foreignBranchId() + ",\"reason\":\"probe\"}");
            long weak;
            if (w.status() == 409) {
                long found = 0;
                for (var x : admin.get("/api/v1/assessment/weak?status=ACTIVE").json()) {
                    found = x.get("orgId").asLong() == t.facts().foreignBranchId() ? x.get("id").asLong() : found;
                }
                weak = found;
            } else {
                assertThat(w.status()).as(w.body()).isEqualTo(201);
                weak = w.at("/id").asLong();
            }
            Api.Response s = admin.post("/api/v1/assessment/surveys", "{\"orgId\":" + t.facts().foreignBranchId()
                    + ",\"title\":\"probe\",\"audience\":5}");
            assertThat(s.status()).as(s.body()).isEqualTo(201);
            foreign = new long[]{weak, s.at("/id").asLong()};
        }
        return foreign;
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String api = "/api/v1/assessment";
        // --- API
        p.put("GET /api/v1/assessment/campaigns/{id}/weak-candidates", t -> t.township404("GET", api + "/campaigns/"
                + AssessmentScopeProbes.foreign(t)[1] + "/weak-candidates", null));
        p.put("GET /api/v1/assessment/weak", t -> {
            long w = foreign(t)[0];
            for (var x : t.township().get(api + "/weak").json()) {
                assertThat(x.get("id").asLong()).isNotEqualTo(w);
            }
            assertThat(t.secretary().get(api + "/weak").body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/assessment/weak", t -> t.township404("POST", api + "/weak", "{\"orgId\":"
                + t.facts().foreignBranchId() + ",\"reason\":\"x\"}"));
        p.put("GET /api/v1/assessment/weak/{id}", t -> {
            t.api404("GET", api + "/weak/" + foreign(t)[0]);
            t.township404("GET", api + "/weak/" + foreign(t)[0], null);
        });
        p.put("POST /api/v1/assessment/weak/{id}/tasks", t -> t.api404("POST", api + "/weak/" + foreign(t)[0] + "/tasks",
                "{\"title\":\"x\",\"owner\":\"y\",\"dueOn\":\"" + DUE + "\"}"));
        p.put("POST /api/v1/assessment/weak/{id}/progress", t -> t.api404("POST", api + "/weak/" + foreign(t)[0] + "/progress",
                "{\"note\":\"x\"}"));
        p.put("POST /api/v1/assessment/weak/{id}/review", t -> t.township404("POST", api + "/weak/" + foreign(t)[0] + "/review",
                "{\"lift\":false,\"conclusion\":\"x\"}"));
        p.put("GET /api/v1/assessment/surveys", t -> {
            long s = foreign(t)[1];
            for (var x : t.township().get(api + "/surveys").json()) {
                assertThat(x.get("id").asLong()).isNotEqualTo(s);
            }
        });
        p.put("POST /api/v1/assessment/surveys", t -> t.township404("POST", api + "/surveys", "{\"orgId\":"
                + t.facts().foreignBranchId() + ",\"title\":\"x\",\"audience\":3}"));
        p.put("GET /api/v1/assessment/surveys/{id}", t -> {
            t.api404("GET", api + "/surveys/" + foreign(t)[1]);
            t.township404("GET", api + "/surveys/" + foreign(t)[1], null);
        });
        p.put("POST /api/v1/assessment/surveys/{id}/close", t -> t.township404("POST", api + "/surveys/" + foreign(t)[1] + "/close", null));
        p.put("POST /api/v1/assessment/surveys/{id}/tickets", t -> t.township404("POST", api + "/surveys/" + foreign(t)[1] + "/tickets",
                "{\"publicCount\":1}"));
        p.put("POST /api/v1/assessment/surveys/{id}/answers", t -> {
            Api.Response r = t.as("member").post(api + "/surveys/" + foreign(t)[1] + "/answers",
                    "{\"satisfaction\":2,\"aware\":true,\"tookPart\":true}");
            assertThat(r.status()).isEqualTo(404);
        });
        // --- pages
        String page = "/assessment";
        p.put("GET /assessment/weak", t -> {
            foreign(t);
            WebSession.Page r = t.townshipWeb().get(page + "/weak");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /assessment/weak", t -> t.page404(t.townshipWeb().post(page + "/weak", Map.of("orgId",
                "" + t.facts().foreignBranchId(), "reason", "x"))));
        p.put("GET /assessment/weak/{id}", t -> t.page404(t.townshipWeb().get(page + "/weak/" + foreign(t)[0])));
        p.put("POST /assessment/weak/{id}/tasks", t -> t.page404(t.secretaryWeb().post(page + "/weak/" + foreign(t)[0] + "/tasks",
                Map.of("title", "x", "owner", "y", "dueOn", DUE))));
        p.put("POST /assessment/weak/{id}/progress", t -> t.page404(t.secretaryWeb().post(page + "/weak/" + foreign(t)[0] + "/progress",
                Map.of("note", "x"))));
        p.put("POST /assessment/weak/{id}/review", t -> t.page404(t.townshipWeb().post(page + "/weak/" + foreign(t)[0] + "/review",
                Map.of("lift", "false", "conclusion", "x"))));
        p.put("GET /assessment/surveys", t -> {
            foreign(t);
            WebSession.Page r = t.townshipWeb().get(page + "/surveys");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /assessment/surveys", t -> t.page404(t.townshipWeb().post(page + "/surveys", Map.of("orgId",
                "" + t.facts().foreignBranchId(), "title", "x", "audience", "3"))));
        p.put("GET /assessment/surveys/{id}", t -> t.page404(t.secretaryWeb().get(page + "/surveys/" + foreign(t)[1])));
        p.put("POST /assessment/surveys/{id}/close", t -> t.page404(t.townshipWeb().post(page + "/surveys/" + foreign(t)[1] + "/close", Map.of())));
        p.put("POST /assessment/surveys/{id}/tickets", t -> t.page404(t.townshipWeb().post(page + "/surveys/" + foreign(t)[1] + "/tickets",
                Map.of("publicCount", "1"))));
        return p;
    }
}
