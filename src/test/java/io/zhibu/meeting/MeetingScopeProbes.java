package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Scope probes of the meeting module: a meeting of the foreign branch (planned by the platform administrator) is
 * invisible (404) to the branch secretary and to the demo member, through every API call and page.
 */
public class MeetingScopeProbes implements ScopeProbeSet {
    private static final String PDF = new String(io.zhibu.support.TestFiles.pdf(), java.nio.charset.StandardCharsets.US_ASCII);


    /** A meeting in the foreign branch, now, with its first attendance row id. */
    record Foreign(long id, long attendanceId) {
    }

    static Foreign foreign(ScopeContext t) {
        Api admin = t.as("admin");
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        Api.Response r = admin.post("/api/v1/meetings", "{\"orgId\":" + t.facts().foreignBranchId()
                + ",\"types\":[\"COMMITTEE\"],\"title\":\"外支部支委会\",\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plusHours(1) + "\",\"place\":\"会议室\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Foreign(r.at("/id").asLong(), r.at("/attendees/0/id").asLong());
    }

    /** The foreign branch's evaluation round of this year (opened by the administrator once). */
    static long foreignRound(ScopeContext t) {
        Api admin = t.as("admin");
        JsonNode rounds = admin.get("/api/v1/meetings/evaluations?orgId=" + t.facts().foreignBranchId()).json();
        if (!rounds.isEmpty()) {
            return rounds.get(0).get("id").asLong();
        }
        Api.Response r = admin.post("/api/v1/meetings/evaluations", "{\"orgId\":" + t.facts().foreignBranchId() + ",\"year\":"
                + java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private static void member404(ScopeContext t, String method, String path, String json) {
        Api.Response r = t.as("member").send(method, path, json);
        assertThat(r.status()).as(method + " " + path).isEqualTo(404);
        assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String api = "/api/v1/meetings";
        p.put("GET " + api, t -> {
            foreign(t);
            for (JsonNode m : t.secretary().get(api + "?size=200").at("/items")) {
                assertThat(m.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
            }
            t.api404("GET", api + "?orgId=" + t.facts().foreignBranchId());
            for (JsonNode m : t.as("member").get(api + "?size=200").at("/items")) {
                assertThat(m.get("orgId").asLong()).isEqualTo(t.facts().ownBranchId());
            }
        });
        p.put("POST " + api, t -> {
            Api.Response r = t.secretary().post(api, "{\"orgId\":" + t.facts().foreignBranchId() + ",\"types\":[\"COMMITTEE\"],"
                    + "\"title\":\"越权\",\"startsAt\":\"2030-01-01T09:00\",\"endsAt\":\"2030-01-01T10:00\",\"place\":\"x\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"orgId\"").doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET " + api + "/my", t -> {
            assertThat(t.secretary().get(api + "/my").status()).isEqualTo(403);
            Foreign f = foreign(t);
            for (JsonNode x : t.as("member").get(api + "/my").json()) {
                assertThat(x.at("/meeting/id").asLong()).isNotEqualTo(f.id());
                assertThat(x.at("/meeting/orgId").asLong()).isEqualTo(t.facts().ownBranchId());
            }
        });
        p.put("GET " + api + "/my/calendar", t -> {
            assertThat(t.secretary().get(api + "/my/calendar").status()).isEqualTo(403);
            Foreign f = foreign(t);
            for (JsonNode x : t.as("member").get(api + "/my/calendar").json().at("/items")) {
                assertThat(x.at("/meetingId").asLong()).isNotEqualTo(f.id());
            }
        });
        p.put("GET " + api + "/attendance-rates", t -> {
            t.api404("GET", api + "/attendance-rates?orgId=" + t.facts().foreignBranchId());
            t.township404("GET", api + "/attendance-rates?orgId=" + t.facts().foreignBranchId(), null);
            assertThat(t.as("member").get(api + "/attendance-rates?orgId=" + t.facts().foreignBranchId()).status()).isEqualTo(403);
        });
        p.put("GET /meetings/attendance-rates", t -> t.page404(t.secretaryWeb().get("/meetings/attendance-rates?orgId="
                + t.facts().foreignBranchId())));
        p.put("GET " + api + "/{id}/theme-dues", t -> {
            Foreign f = foreign(t);
            t.api404("GET", api + "/" + f.id() + "/theme-dues");
            t.township404("GET", api + "/" + f.id() + "/theme-dues", null);
        });
        p.put("GET " + api + "/{id}", t -> {
            Foreign f = foreign(t);
            t.api404("GET", api + "/" + f.id());
            member404(t, "GET", api + "/" + f.id(), null);
        });
        p.put("POST " + api + "/{id}/checkin", t -> {
            Foreign f = foreign(t);
            member404(t, "POST", api + "/" + f.id() + "/checkin", "{\"code\":\"000000\"}");
            t.api404("POST", api + "/" + f.id() + "/checkin", "{\"code\":\"000000\"}");
        });
        p.put("POST " + api + "/{id}/leave", t -> member404(t, "POST", api + "/" + foreign(t).id() + "/leave", "{\"reason\":\"x\"}"));
        p.put("PUT " + api + "/{id}/attendance/{attendanceId}", t -> {
            Foreign f = foreign(t);
            t.api404("PUT", api + "/" + f.id() + "/attendance/" + f.attendanceId(), "{\"status\":\"PRESENT\"}");
        });
        p.put("POST " + api + "/{id}/non-voting", t -> t.api404("POST", api + "/" + foreign(t).id() + "/non-voting", "{\"name\":\"王五\"}"));
        p.put("PUT " + api + "/{id}/minutes", t -> t.api404("PUT", api + "/" + foreign(t).id() + "/minutes", "{\"host\":\"王\",\"version\":0}"));
        p.put("POST " + api + "/{id}/lock", t -> t.api404("POST", api + "/" + foreign(t).id() + "/lock", null));
        p.put("POST " + api + "/{id}/revisions", t -> t.api404("POST", api + "/" + foreign(t).id() + "/revisions", "{\"text\":\"x\"}"));
        p.put("POST " + api + "/makeups/{attendanceId}/done", t -> {
            Foreign f = foreign(t);
            member404(t, "POST", api + "/makeups/" + f.attendanceId() + "/done", "{\"note\":\"x\"}");
            t.api404("POST", api + "/makeups/" + f.attendanceId() + "/done", "{\"note\":\"x\"}");
        });
        p.put("GET " + api + "/calendar", t -> t.api404("GET", api + "/calendar?orgId=" + t.facts().foreignBranchId() + "&year=2027"));
        p.put("GET " + api + "/compliance", t -> {
            t.api404("GET", api + "/compliance?orgId=" + t.facts().foreignBranchId());
            t.township404("GET", api + "/compliance?orgId=" + t.facts().foreignTownshipId(), null);
            assertThat(t.secretary().get(api + "/compliance").body()).doesNotContain(t.facts().foreignBranchName());
        });
        // --- pages
        p.put("GET /meetings", t -> {
            t.page404(t.secretaryWeb().get("/meetings?orgId=" + t.facts().foreignBranchId()));
            foreign(t);
            assertThat(t.secretaryWeb().get("/meetings").body()).doesNotContain("外支部支委会");
        });
        p.put("GET /meetings/my", t -> assertThat(t.secretaryWeb().get("/meetings/my").status()).isEqualTo(403));
        p.put("GET /meetings/new", t -> assertThat(t.secretaryWeb().get("/meetings/new").status()).isEqualTo(200));
        p.put("POST /meetings", t -> {
            WebSession.Page r = t.secretaryWeb().post("/meetings", Map.of("orgId", "" + t.facts().foreignBranchId(),
                    "types", "COMMITTEE", "title", "越权", "startsAt", "2030-01-01T09:00", "endsAt", "2030-01-01T10:00", "place", "x"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("form-errors").doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /meetings/{id}", t -> t.page404(t.secretaryWeb().get("/meetings/" + foreign(t).id())));
        p.put("GET /meetings/{id}/qr.svg", t -> t.page404(t.secretaryWeb().get("/meetings/" + foreign(t).id() + "/qr.svg")));
        p.put("GET /meetings/compliance", t -> t.page404(t.secretaryWeb().get("/meetings/compliance?orgId=" + t.facts().foreignBranchId())));
        p.put("GET /meetings/calendar", t -> t.page404(t.secretaryWeb().get("/meetings/calendar?orgId=" + t.facts().foreignBranchId())));
        for (String action : new String[] {"checkin", "leave", "non-voting", "minutes", "lock", "revisions"}) {
            p.put("POST /meetings/{id}/" + action, t -> t.page404(t.secretaryWeb().post("/meetings/" + foreign(t).id() + "/" + action,
                    Map.of("code", "000000", "reason", "x", "name", "王五", "host", "王", "version", "0", "text", "x"))));
        }
        p.put("POST /meetings/{id}/attendance/{attendanceId}", t -> {
            Foreign f = foreign(t);
            t.page404(t.secretaryWeb().post("/meetings/" + f.id() + "/attendance/" + f.attendanceId(), Map.of("status", "PRESENT")));
        });
        p.put("POST /meetings/{id}/attendance", t -> {
            Foreign f = foreign(t);
            t.page404(t.secretaryWeb().post("/meetings/" + f.id() + "/attendance", Map.of("status_" + f.attendanceId(), "PRESENT")));
        });
        p.put("POST /meetings/makeups/{attendanceId}/done", t -> t.page404(t.secretaryWeb().post(
                "/meetings/makeups/" + foreign(t).attendanceId() + "/done", Map.of("note", "x"))));
        // --- attachments
        p.put("POST " + api + "/{id}/attachments", t -> t.api404("POST", api + "/" + foreign(t).id() + "/attachments?kind=SIGN_IN", PDF));
        p.put("GET " + api + "/{id}/attachments/{attachmentId}", t -> {
            long f = foreign(t).id();
            Api.Response up = t.as("admin").post(api + "/" + f + "/attachments?kind=SIGN_IN", PDF);
            assertThat(up.status()).isEqualTo(201);
            t.api404("GET", api + "/" + f + "/attachments/" + up.at("/id").asLong());
            t.api404("GET", api + "/" + f + "/attachments/" + up.at("/id").asLong() + "0");
        });
        p.put("POST /meetings/{id}/attachments", t -> t.page404(t.secretaryWeb().post("/meetings/" + foreign(t).id() + "/attachments",
                Map.of("kind", "PHOTO"))));
        p.put("GET /meetings/{id}/attachments/{attachmentId}", t -> {
            long f = foreign(t).id();
            Api.Response up = t.as("admin").post(api + "/" + f + "/attachments?kind=SIGN_IN", PDF);
            t.page404(t.secretaryWeb().get("/meetings/" + f + "/attachments/" + up.at("/id").asLong()));
        });
        // --- democratic evaluation
        String ev = api + "/evaluations";
        p.put("GET " + ev, t -> {
            long f = foreignRound(t);
            t.api404("GET", ev + "?orgId=" + t.facts().foreignBranchId());
            assertThat(t.secretary().get(ev).json().findValuesAsString("id")).doesNotContain("" + f);
            assertThat(t.as("member").get(ev).json().findValuesAsString("id")).doesNotContain("" + f);
        });
        p.put("POST " + ev, t -> {
            Api.Response r = t.secretary().post(ev, "{\"orgId\":" + t.facts().foreignBranchId() + ",\"year\":2026}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"orgId\"").doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET " + ev + "/{id}", t -> {
            long f = foreignRound(t);
            t.api404("GET", ev + "/" + f);
            member404(t, "GET", ev + "/" + f, null);
        });
        for (String action : new String[] {"self", "peer", "ballot"}) {
            p.put("POST " + ev + "/{id}/" + action, t -> member404(t, "POST", ev + "/" + foreignRound(t) + "/" + action,
                    "{\"text\":\"x\",\"toMemberId\":1,\"grades\":{\"1\":\"QUALIFIED\"}}"));
        }
        p.put("POST " + ev + "/{id}/decision", t -> t.api404("POST", ev + "/" + foreignRound(t) + "/decision", "{\"grades\":{}}"));
        p.put("GET /meetings/evaluations", t -> assertThat(t.secretaryWeb().get("/meetings/evaluations").body())
                .doesNotContain("/meetings/evaluations/" + foreignRound(t) + "\""));
        p.put("POST /meetings/evaluations", t -> {
            WebSession.Page r = t.secretaryWeb().post("/meetings/evaluations", Map.of("orgId", "" + t.facts().foreignBranchId(), "year", "2026"));
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.location()).endsWith("/meetings/evaluations");
        });
        p.put("GET /meetings/evaluations/{id}", t -> t.page404(t.secretaryWeb().get("/meetings/evaluations/" + foreignRound(t))));
        for (String action : new String[] {"self", "peer", "ballot", "decision"}) {
            p.put("POST /meetings/evaluations/{id}/" + action, t -> t.page404(t.secretaryWeb().post(
                    "/meetings/evaluations/" + foreignRound(t) + "/" + action, Map.of("text", "x", "toMemberId", "1", "grade_1", "QUALIFIED"))));
        }
        return p;
    }
}
