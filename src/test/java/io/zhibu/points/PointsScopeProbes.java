package io.zhibu.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Scope probes of every points endpoint: the foreign branch's members, entries and activities answer 404. */
public class PointsScopeProbes implements ScopeProbeSet {
    private static Long foreignEntry;
    private static long[] foreignActivity;

    @Override
    public Map<String, String> exempt() {
        return Map.of("GET /api/v1/points/rules", "the configured items, base and star tiers: no organization data");
    }

    /** An entry of the foreign member, entered once by the platform administrator. */
    private static synchronized long foreignEntry(ScopeContext t) {
        if (foreignEntry == null) {
            Api.Response r = t.as("admin").post("/api/v1/points/members/" + t.facts().foreignMemberId() + "/entries",
                    "{\"item\":\"TRAINING\",\"reason\":\"probe\",\"idempotencyKey\":\"scope-probe-foreign-entry\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            foreignEntry = r.at("/id").asLong();
        }
        return foreignEntry;
    }

    /** An activity with a photo in the foreign branch: {activity id, photo id}. */
    private static synchronized long[] foreignActivity(ScopeContext t) {
        if (foreignActivity == null) {
            Api.Response r = t.as("admin").multipart("/api/v1/points/activities?orgId=" + t.facts().foreignBranchId()
                    + "&title=probe", "p.png", PointsApiTest.PNG);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            foreignActivity = new long[] {r.at("/id").asLong(), r.at("/photos/0/id").asLong()};
        }
        return foreignActivity;
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String entry = "{\"item\":\"TRAINING\",\"reason\":\"x\",\"idempotencyKey\":\"probe-points-1\"}";
        // --- API
        p.put("GET /api/v1/points/me", t -> t.api404("GET", "/api/v1/points/me"));
        p.put("GET /api/v1/points/members/{memberId}", t -> {
            t.api404("GET", "/api/v1/points/members/" + t.facts().foreignMemberId());
            assertThat(t.as("member").get("/api/v1/points/members/" + t.facts().foreignMemberId()).status()).isEqualTo(404);
        });
        p.put("GET /api/v1/points/members/{memberId}/stars", t -> t.api404("GET", "/api/v1/points/members/"
                + t.facts().foreignMemberId() + "/stars"));
        p.put("POST /api/v1/points/members/{memberId}/entries", t -> t.api404("POST", "/api/v1/points/members/"
                + t.facts().foreignMemberId() + "/entries", entry));
        p.put("POST /api/v1/points/entries/{entryId}/reverse", t -> t.api404("POST", "/api/v1/points/entries/"
                + foreignEntry(t) + "/reverse", "{\"reason\":\"x\"}"));
        p.put("GET /api/v1/points/orgs/{orgId}/roster", t -> {
            t.api404("GET", "/api/v1/points/orgs/" + t.facts().foreignBranchId() + "/roster");
            t.township404("GET", "/api/v1/points/orgs/" + t.facts().foreignBranchId() + "/roster", null);
        });
        p.put("GET /api/v1/points/rankings/members", t -> {
            t.api404("GET", "/api/v1/points/rankings/members?orgId=" + t.facts().foreignBranchId());
            for (var r : t.secretary().get("/api/v1/points/rankings/members?size=200").at("/items")) {
                assertThat(r.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
            }
        });
        p.put("GET /api/v1/points/rankings/branches", t -> {
            t.township404("GET", "/api/v1/points/rankings/branches?orgId=" + t.facts().foreignBranchId(), null);
            assertThat(t.township().get("/api/v1/points/rankings/branches?size=200").body())
                    .doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/points/rebuild", t -> {
            Api.Response r = t.secretary().post("/api/v1/points/rebuild", null);
            assertThat(r.status()).as("platform administrator only").isEqualTo(403);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /api/v1/points/activities", t -> {
            t.api404("GET", "/api/v1/points/activities?orgId=" + t.facts().foreignBranchId());
            foreignActivity(t);
            assertThat(t.secretary().get("/api/v1/points/activities?size=200").body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/points/activities", t -> {
            Api.Response r = t.secretary().multipart("/api/v1/points/activities?orgId=" + t.facts().foreignBranchId()
                    + "&title=x", "p.png", PointsApiTest.PNG);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /api/v1/points/activities/{id}", t -> t.api404("GET", "/api/v1/points/activities/" + foreignActivity(t)[0]));
        p.put("POST /api/v1/points/activities/{id}/like", t -> {
            Api.Response r = t.as("member").post("/api/v1/points/activities/" + foreignActivity(t)[0] + "/like", null);
            assertThat(r.status()).isEqualTo(404);
            t.api404("POST", "/api/v1/points/activities/" + foreignActivity(t)[0] + "/like");
        });
        p.put("POST /api/v1/points/activities/{id}/share", t -> t.api404("POST", "/api/v1/points/activities/"
                + foreignActivity(t)[0] + "/share"));
        p.put("GET /api/v1/points/activities/{id}/photos/{photoId}", t -> t.api404("GET", "/api/v1/points/activities/"
                + foreignActivity(t)[0] + "/photos/" + foreignActivity(t)[1]));
        // --- public share pages: only a valid token opens them
        p.put("GET /public/activities/{token}", t -> t.page404(t.secretaryWeb().get("/public/activities/" + "A".repeat(43))));
        p.put("GET /public/activities/{token}/photos/{photoId}", t -> t.page404(t.secretaryWeb().get("/public/activities/"
                + "A".repeat(43) + "/photos/" + foreignActivity(t)[1])));
        // --- pages
        p.put("GET /points", t -> {
            WebSession.Page r = t.secretaryWeb().get("/points");
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.location()).contains("orgId=" + t.facts().ownBranchId());
        });
        p.put("GET /points/members/{memberId}", t -> t.page404(t.secretaryWeb().get("/points/members/" + t.facts().foreignMemberId())));
        p.put("POST /points/members/{memberId}/entries", t -> t.page404(t.secretaryWeb().post("/points/members/"
                + t.facts().foreignMemberId() + "/entries", Map.of("item", "TRAINING", "reason", "x", "idempotencyKey", "probe-points-2"))));
        p.put("POST /points/entries/{entryId}/reverse", t -> t.page404(t.secretaryWeb().post("/points/entries/"
                + foreignEntry(t) + "/reverse", Map.of("reason", "x"))));
        p.put("GET /points/branch", t -> t.page404(t.secretaryWeb().get("/points/branch?orgId=" + t.facts().foreignBranchId())));
        p.put("GET /points/rankings", t -> {
            t.page404(t.secretaryWeb().get("/points/rankings?orgId=" + t.facts().foreignBranchId()));
            t.page404(t.townshipWeb().get("/points/rankings?kind=branches&orgId=" + t.facts().foreignBranchId()));
        });
        p.put("GET /points/activities", t -> t.page404(t.secretaryWeb().get("/points/activities?orgId=" + t.facts().foreignBranchId())));
        p.put("POST /points/activities", t -> t.page404(t.secretaryWeb().post("/points/activities",
                Map.of("orgId", "" + t.facts().foreignBranchId(), "title", "x"))));
        p.put("POST /points/activities/{id}/like", t -> t.page404(t.secretaryWeb().post("/points/activities/"
                + foreignActivity(t)[0] + "/like", Map.of())));
        p.put("POST /points/activities/{id}/share", t -> t.page404(t.secretaryWeb().post("/points/activities/"
                + foreignActivity(t)[0] + "/share", Map.of())));
        p.put("GET /points/activities/{id}/photos/{photoId}", t -> t.page404(t.secretaryWeb().get("/points/activities/"
                + foreignActivity(t)[0] + "/photos/" + foreignActivity(t)[1])));
        return p;
    }
}
