package io.zhibu.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Scope probes of 双报到: a report, a need and a sign-up of an agency branch and a community outside the demo
 * township (made once: the administrator files and confirms, the member signs up through their activated account)
 * answer 404 to the branch secretary and the township staff; the secretary's own board answers 200 without them.
 */
public class ServingScopeProbes implements ScopeProbeSet {
    private record World(long unitId, long memberId, long communityId, long reportId, long needId, long signupId,
                         long activityId) {
    }

    private static World world;

    /** Care records of the foreign member made by the administrator: a designation, an aid application (approved), a photo. */
    private record CareWorld(long designationId, String token, long aidId, long photoId) {
    }

    private static CareWorld careWorld;

    static synchronized CareWorld careWorld(ScopeContext t) {
        if (careWorld != null) {
            return careWorld;
        }
        World w = world(t);
        Api admin = t.as("admin");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Api.Response d = admin.post("/api/v1/serving/designations", "{\"memberId\":" + w.memberId() + ",\"kind\":\"PIONEER_POST\","
                + "\"post\":\"外单位先锋岗\",\"commitments\":\"外单位承诺\",\"startsOn\":\"" + today + "\"}");
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        Api.Response a = admin.post("/api/v1/serving/aid", "{\"memberId\":" + w.memberId() + ",\"reason\":\"外单位困难\",\"amount\":800}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/serving/aid/" + a.at("/id").asLong() + "/decision", "{\"approve\":true}").status()).isEqualTo(200);
        Api.Response ph = admin.multipart("/api/v1/serving/activities/" + w.activityId() + "/photos", "a.png", io.zhibu.support.TestFiles.png());
        assertThat(ph.status()).as(ph.body()).isEqualTo(200);
        careWorld = new CareWorld(d.at("/id").asLong(), d.at("/publicToken").asText(), a.at("/id").asLong(), ph.at("/photoIds/0").asLong());
        return careWorld;
    }

    static synchronized World world(ScopeContext t) {
        if (world != null) {
            return world;
        }
        Api admin = t.as("admin");
        String township = admin.get("/api/v1/orgs/" + t.facts().townshipId()).at("/path").asText();
        long unit = -1;
        long member = -1;
        long community = -1;
        int agencies = 0;
        for (JsonNode o : admin.get("/api/v1/orgs?type=BRANCH&limit=2000").json()) {
            if (o.get("path").asText().startsWith(township) || !o.get("status").asText().equals("ACTIVE")) {
                continue;
            }
            if (community < 0 && o.get("domain").asText().equals("COMMUNITY")) {
                community = o.get("id").asLong();
            }
            if (member < 0 && o.get("domain").asText().equals("AGENCY") && agencies++ >= 2) {
                JsonNode items = admin.get("/api/v1/members?size=20&orgId=" + o.get("id").asLong()).at("/items");
                if (items.size() > 3) {
                    unit = o.get("id").asLong();
                    member = items.get(items.size() - 1).get("id").asLong();
                }
            }
        }
        assertThat(member).as("a foreign agency member").isPositive();
        assertThat(community).as("a foreign community").isPositive();
        Api.Response r = admin.post("/api/v1/serving/reports", "{\"memberId\":" + member + ",\"communityOrgId\":" + community + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long report = r.at("/id").asLong();
        assertThat(admin.post("/api/v1/serving/reports/" + report + "/confirm", "{}").status()).isEqualTo(200);
        Api.Response n = admin.post("/api/v1/serving/needs", "{\"communityOrgId\":" + community
                + ",\"title\":\"外社区服务需求\",\"needOn\":\"" + LocalDate.now().plusDays(1) + "\",\"places\":5}");
        assertThat(n.status()).as(n.body()).isEqualTo(201);
        long need = n.at("/id").asLong();
        Api.Response s = memberApi(t, member).post("/api/v1/serving/needs/" + need + "/signups", "{}");
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        java.time.OffsetDateTime start = java.time.OffsetDateTime.now().plusDays(1);
        Api.Response a = admin.post("/api/v1/serving/activities", "{\"orgId\":" + unit + ",\"title\":\"外单位志愿服务\","
                + "\"place\":\"外乡广场\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(2) + "\",\"places\":5}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        world = new World(unit, member, community, report, need, s.at("/id").asLong(), a.at("/id").asLong());
        return world;
    }

    /** The member's own account (provisioned with the roster), activated by the security administrator. */
    private static Api memberApi(ScopeContext t, long memberId) {
        Api secadmin = t.as("secadmin");
        String login = String.format("M%08d", memberId);
        JsonNode a = secadmin.get("/api/v1/accounts?q=" + Api.enc(login)).at("/items/0");
        String code = secadmin.post("/api/v1/accounts/" + a.get("id").asLong() + "/activation-codes", "{}").at("/activationCode").asText();
        Api.Response act = new Api(baseOf(t)).post("/api/v1/auth/activate", "{\"login\":\"" + a.get("login").asText()
                + "\",\"activationCode\":\"" + code + "\",\"newPassword\":\"" + IntegrationTest.PASSWORD + "\"}");
        assertThat(act.status()).as(act.body()).isEqualTo(200);
        return t.as(a.get("login").asText());
    }

    private static String baseOf(ScopeContext t) {
        return t.secretary().base();
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String api = "/api/v1/serving";
        p.put("GET /api/v1/serving", t -> {
            World w = world(t);
            t.township404("GET", api + "?orgId=" + w.communityId(), null);
            t.township404("GET", api + "?orgId=" + w.unitId(), null);
            Api.Response own = t.secretary().get(api);
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).doesNotContain("\"id\":" + w.reportId() + ",").doesNotContain("外社区服务需求");
            assertThat(t.township().get(api).body()).doesNotContain("外社区服务需求");
            assertThat(t.as("member").get(api).body()).doesNotContain("外社区服务需求");
        });
        p.put("GET /api/v1/serving/communities", t -> {
            Api.Response r = t.as("member").get(api + "/communities");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/serving/reports", t -> {
            World w = world(t);
            String body = "{\"memberId\":" + w.memberId() + ",\"communityOrgId\":" + w.communityId() + "}";
            t.township404("POST", api + "/reports", body);
            t.api404("POST", api + "/reports", body);
            t.api404("POST", api + "/reports", "{\"memberId\":" + t.facts().foreignMemberId() + ",\"communityOrgId\":" + w.communityId() + "}");
        });
        p.put("GET /api/v1/serving/reports/{id}", t -> {
            World w = world(t);
            t.api404("GET", api + "/reports/" + w.reportId());
            t.township404("GET", api + "/reports/" + w.reportId(), null);
            assertThat(t.as("member").get(api + "/reports/" + w.reportId()).status()).isEqualTo(404);
        });
        for (String action : new String[] {"confirm", "decline", "withdraw"}) {
            p.put("POST /api/v1/serving/reports/{id}/" + action, t -> {
                World w = world(t);
                t.township404("POST", api + "/reports/" + w.reportId() + "/" + action, "{\"reason\":\"x\"}");
                t.api404("POST", api + "/reports/" + w.reportId() + "/" + action, "{\"reason\":\"x\"}");
            });
        }
        p.put("POST /api/v1/serving/needs", t -> {
            World w = world(t);
            String body = "{\"communityOrgId\":" + w.communityId() + ",\"title\":\"x\",\"needOn\":\"" + LocalDate.now().plusDays(1) + "\",\"places\":1}";
            t.township404("POST", api + "/needs", body);
            t.api404("POST", api + "/needs", body);
        });
        p.put("POST /api/v1/serving/needs/{id}/close", t -> {
            t.township404("POST", api + "/needs/" + world(t).needId() + "/close", "{}");
            t.api404("POST", api + "/needs/" + world(t).needId() + "/close", "{}");
        });
        p.put("POST /api/v1/serving/needs/{id}/signups", t -> {
            t.township404("POST", api + "/needs/" + world(t).needId() + "/signups", "{}");
            assertThat(t.as("member").post(api + "/needs/" + world(t).needId() + "/signups", "{}").status()).isEqualTo(404);
        });
        p.put("POST /api/v1/serving/signups/{id}/record", t -> {
            t.township404("POST", api + "/signups/" + world(t).signupId() + "/record", "{\"minutes\":60}");
            t.api404("POST", api + "/signups/" + world(t).signupId() + "/record", "{\"minutes\":60}");
        });
        p.put("GET /api/v1/serving/rates", t -> {
            t.township404("GET", api + "/rates?orgId=" + world(t).unitId(), null);
            assertThat(t.secretary().get(api + "/rates").status()).isEqualTo(200);
        });
        String acts = api + "/activities";
        p.put("GET /api/v1/serving/activities", t -> {
            World w = world(t);
            t.township404("GET", acts + "?orgId=" + w.unitId(), null);
            assertThat(t.secretary().get(acts).body()).doesNotContain("外单位志愿服务");
            assertThat(t.as("member").get(acts).body()).doesNotContain("外单位志愿服务");
        });
        p.put("GET /api/v1/serving/activities/{id}", t -> {
            t.api404("GET", acts + "/" + world(t).activityId());
            t.township404("GET", acts + "/" + world(t).activityId(), null);
            assertThat(t.as("member").get(acts + "/" + world(t).activityId()).status()).isEqualTo(404);
        });
        p.put("POST /api/v1/serving/activities", t -> {
            java.time.OffsetDateTime start = java.time.OffsetDateTime.now().plusDays(1);
            String body = "{\"orgId\":" + world(t).unitId() + ",\"title\":\"x\",\"place\":\"x\",\"startsAt\":\"" + start
                    + "\",\"endsAt\":\"" + start.plusHours(1) + "\",\"places\":1}";
            t.township404("POST", acts, body);
            t.api404("POST", acts, body);
        });
        for (String action : new String[] {"signups", "checkin", "checkout"}) {
            p.put("POST /api/v1/serving/activities/{id}/" + action, t -> {
                t.township404("POST", acts + "/" + world(t).activityId() + "/" + action, "{\"code\":\"000000\"}");
                t.api404("POST", acts + "/" + world(t).activityId() + "/" + action, "{\"code\":\"000000\"}");
                assertThat(t.as("member").post(acts + "/" + world(t).activityId() + "/" + action, "{\"code\":\"000000\"}")
                        .status()).isEqualTo(404);
            });
        }
        p.put("GET /serving/activities", t -> {
            t.page404(t.townshipWeb().get("/serving/activities?orgId=" + world(t).unitId()));
            WebPage own = new WebPage(t.secretaryWeb().get("/serving/activities"));
            assertThat(own.status).isEqualTo(200);
            assertThat(own.body).doesNotContain("外单位志愿服务");
        });
        p.put("GET /serving/activities/{id}", t -> {
            t.page404(t.secretaryWeb().get("/serving/activities/" + world(t).activityId()));
            t.page404(t.townshipWeb().get("/serving/activities/" + world(t).activityId()));
        });
        p.put("POST /serving/activities", t -> t.page404(t.townshipWeb().post("/serving/activities", Map.of("orgId",
                "" + world(t).unitId(), "title", "x", "place", "x", "startsAt", "2030-01-01T09:00", "endsAt", "2030-01-01T10:00",
                "places", "1"))));
        for (String action : new String[] {"signups", "checkin", "checkout"}) {
            p.put("POST /serving/activities/{id}/" + action, t -> t.page404(t.townshipWeb().post("/serving/activities/"
                    + world(t).activityId() + "/" + action, Map.of("code", "000000"))));
        }
        String care = api + "/care";
        p.put("GET /api/v1/serving/care/talks", t -> {
            t.township404("GET", care + "/talks?orgId=" + world(t).unitId(), null);
            assertThat(t.secretary().get(care + "/talks").status()).isEqualTo(200);
        });
        p.put("POST /api/v1/serving/care/talks", t -> {
            t.township404("POST", care + "/talks", "{\"memberId\":" + world(t).memberId() + ",\"kind\":\"HARDSHIP\"}");
            t.api404("POST", care + "/talks", "{\"memberId\":" + world(t).memberId() + ",\"kind\":\"HARDSHIP\"}");
        });
        p.put("POST /api/v1/serving/care/talks/{id}/record", t -> {
            Api.Response r = t.as("admin").post(care + "/talks", "{\"memberId\":" + world(t).memberId() + ",\"kind\":\"CONFLICT\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String body = "{\"heldOn\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\",\"people\":\"x\",\"topic\":\"x\",\"outcome\":\"x\"}";
            t.township404("POST", care + "/talks/" + r.at("/id").asLong() + "/record", body);
            t.api404("POST", care + "/talks/" + r.at("/id").asLong() + "/record", body);
        });
        p.put("GET /api/v1/serving/care/visits", t -> {
            t.township404("GET", care + "/visits?orgId=" + world(t).unitId(), null);
            assertThat(t.secretary().get(care + "/visits").status()).isEqualTo(200);
        });
        p.put("POST /api/v1/serving/care/visits", t -> t.township404("POST", care + "/visits", "{\"memberId\":" + world(t).memberId()
                + ",\"kind\":\"SICK\",\"visitedOn\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\",\"visitors\":\"x\"}"));
        p.put("GET /api/v1/serving/care/reminders", t -> {
            t.township404("GET", care + "/reminders?orgId=" + world(t).unitId(), null);
            t.api404("GET", care + "/reminders?orgId=" + t.facts().foreignBranchId());
        });
        p.put("GET /serving/care", t -> {
            t.page404(t.townshipWeb().get("/serving/care?orgId=" + world(t).unitId()));
            assertThat(t.secretaryWeb().get("/serving/care").status()).isEqualTo(200);
        });
        p.put("POST /serving/care/talks", t -> t.page404(t.townshipWeb().post("/serving/care/talks",
                Map.of("memberId", "" + world(t).memberId(), "kind", "HARDSHIP"))));
        p.put("POST /serving/care/talks/{id}/record", t -> {
            Api.Response r = t.as("admin").post(care + "/talks", "{\"memberId\":" + world(t).memberId() + ",\"kind\":\"PROBLEM\"}");
            t.page404(t.townshipWeb().post("/serving/care/talks/" + r.at("/id").asLong() + "/record", Map.of("heldOn",
                    LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), "people", "x", "topic", "x", "outcome", "x")));
        });
        p.put("POST /serving/care/visits", t -> t.page404(t.townshipWeb().post("/serving/care/visits", Map.of("memberId",
                "" + world(t).memberId(), "kind", "SICK", "visitedOn", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), "visitors", "x"))));
        // --- 亮身份 designations (issue 21 point 3)
        String des = api + "/designations";
        p.put("GET /api/v1/serving/designations", t -> {
            t.township404("GET", des + "?orgId=" + world(t).unitId(), null);
            Api.Response own = t.secretary().get(des);
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).doesNotContain("外单位先锋岗");
            careWorld(t);
            assertThat(t.as("member").get(des).body()).doesNotContain("外单位先锋岗");
            assertThat(t.as("admin").get(des + "?orgId=" + world(t).unitId()).body()).as("owner").contains("外单位先锋岗");
        });
        p.put("GET /api/v1/serving/designations/{id}", t -> {
            CareWorld c = careWorld(t);
            t.api404("GET", des + "/" + c.designationId());
            t.township404("GET", des + "/" + c.designationId(), null);
            assertThat(t.as("member").get(des + "/" + c.designationId()).status()).isEqualTo(404);
            assertThat(t.as("admin").get(des + "/" + c.designationId()).status()).as("owner").isEqualTo(200);
        });
        p.put("GET /api/v1/serving/designations/members/{memberId}", t -> {
            t.api404("GET", des + "/members/" + world(t).memberId());
            t.township404("GET", des + "/members/" + world(t).memberId(), null);
            assertThat(t.as("member").get(des + "/members/" + world(t).memberId()).status()).isEqualTo(404);
            assertThat(t.secretary().get(des + "/members/" + t.facts().ownMemberId()).status()).as("own branch").isEqualTo(200);
        });
        p.put("POST /api/v1/serving/designations", t -> {
            String body = "{\"memberId\":" + world(t).memberId() + ",\"kind\":\"PIONEER_POST\",\"post\":\"x\",\"commitments\":\"x\",\"startsOn\":\""
                    + LocalDate.now() + "\"}";
            t.township404("POST", des, body);
            t.api404("POST", des, body);
        });
        for (String action : new String[] {"reviews", "withdraw"}) {
            p.put("POST /api/v1/serving/designations/{id}/" + action, t -> {
                String body = "{\"result\":\"QUALIFIED\"}";
                t.township404("POST", des + "/" + careWorld(t).designationId() + "/" + action, body);
                t.api404("POST", des + "/" + careWorld(t).designationId() + "/" + action, body);
                assertThat(t.as("member").post(des + "/" + careWorld(t).designationId() + "/" + action, body).status()).isEqualTo(404);
            });
        }
        p.put("GET /public/serving/cards/{token}", t -> {
            t.page404(t.secretaryWeb().get("/public/serving/cards/" + "A".repeat(43)));
            Api.Response card = new Api(t.secretary().base()).get("/public/serving/cards/" + careWorld(t).token());
            assertThat(card.status()).as("the token is the key, no sign-in").isEqualTo(200);
            assertThat(card.body()).contains("外单位先锋岗").doesNotContain(t.facts().foreignBranchName() + "党员");
        });
        p.put("GET /public/serving/cards/{token}/qr.svg", t -> {
            assertThat(new Api(t.secretary().base()).get("/public/serving/cards/" + "A".repeat(43) + "/qr.svg").status()).isEqualTo(404);
            assertThat(new Api(t.secretary().base()).get("/public/serving/cards/" + careWorld(t).token() + "/qr.svg").status()).isEqualTo(200);
        });
        p.put("GET /serving/designations", t -> {
            t.page404(t.townshipWeb().get("/serving/designations?orgId=" + world(t).unitId()));
            WebPage own = new WebPage(t.secretaryWeb().get("/serving/designations"));
            assertThat(own.status).isEqualTo(200);
            assertThat(own.body).doesNotContain("外单位先锋岗");
        });
        p.put("GET /serving/designations/members/{memberId}", t -> {
            t.page404(t.townshipWeb().get("/serving/designations/members/" + world(t).memberId()));
            assertThat(t.secretaryWeb().get("/serving/designations/members/" + t.facts().ownMemberId()).status()).isEqualTo(200);
        });
        p.put("POST /serving/designations", t -> t.page404(t.townshipWeb().post("/serving/designations", Map.of("memberId",
                "" + world(t).memberId(), "kind", "PIONEER_POST", "post", "x", "commitments", "x", "startsOn", LocalDate.now().toString()))));
        for (String action : new String[] {"reviews", "withdraw"}) {
            p.put("POST /serving/designations/{id}/" + action, t -> t.page404(t.townshipWeb().post("/serving/designations/"
                    + careWorld(t).designationId() + "/" + action, Map.of("result", "QUALIFIED"))));
        }
        // --- 困难党员帮扶 hardship aid (issue 21 point 4)
        String aid = api + "/aid";
        p.put("GET /api/v1/serving/aid/ledger", t -> {
            t.township404("GET", aid + "/ledger?orgId=" + world(t).unitId(), null);
            careWorld(t);
            Api.Response own = t.township().get(aid + "/ledger");
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).doesNotContain("外单位困难");
            assertThat(t.as("admin").get(aid + "/ledger?orgId=" + world(t).unitId()).body()).as("owner").contains("外单位困难");
        });
        p.put("GET /api/v1/serving/aid/mine", t -> {
            careWorld(t);
            Api.Response mine = t.as("member").get(aid + "/mine");
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.body()).doesNotContain("外单位困难");
        });
        p.put("GET /api/v1/serving/aid/{id}", t -> {
            t.api404("GET", aid + "/" + careWorld(t).aidId());
            t.township404("GET", aid + "/" + careWorld(t).aidId(), null);
            assertThat(t.as("member").get(aid + "/" + careWorld(t).aidId()).status()).isEqualTo(404);
            assertThat(t.as("admin").get(aid + "/" + careWorld(t).aidId()).status()).as("owner").isEqualTo(200);
        });
        p.put("POST /api/v1/serving/aid", t -> {
            String body = "{\"memberId\":" + world(t).memberId() + ",\"reason\":\"x\",\"amount\":1}";
            t.township404("POST", aid, body);
            t.api404("POST", aid, body);
        });
        p.put("POST /api/v1/serving/aid/{id}/decision", t -> {
            t.township404("POST", aid + "/" + careWorld(t).aidId() + "/decision", "{\"approve\":true}");
            t.api404("POST", aid + "/" + careWorld(t).aidId() + "/decision", "{\"approve\":true}");
        });
        p.put("POST /api/v1/serving/aid/{id}/payments", t -> {
            String body = "{\"paidOn\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\",\"amount\":1}";
            t.township404("POST", aid + "/" + careWorld(t).aidId() + "/payments", body);
            t.api404("POST", aid + "/" + careWorld(t).aidId() + "/payments", body);
        });
        p.put("GET /serving/aid", t -> {
            t.page404(t.townshipWeb().get("/serving/aid?orgId=" + world(t).unitId()));
            WebPage own = new WebPage(t.townshipWeb().get("/serving/aid"));
            assertThat(own.status).isEqualTo(200);
            assertThat(own.body).doesNotContain("外单位困难");
        });
        p.put("POST /serving/aid", t -> t.page404(t.townshipWeb().post("/serving/aid", Map.of("memberId", "" + world(t).memberId(),
                "reason", "x", "amount", "1"))));
        p.put("POST /serving/aid/{id}/decision", t -> t.page404(t.townshipWeb().post("/serving/aid/" + careWorld(t).aidId()
                + "/decision", Map.of("approve", "true"))));
        p.put("POST /serving/aid/{id}/payments", t -> t.page404(t.townshipWeb().post("/serving/aid/" + careWorld(t).aidId()
                + "/payments", Map.of("paidOn", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), "amount", "1"))));
        // --- 80+ visit list and yearly visit plan
        p.put("GET /api/v1/serving/care/elderly", t -> {
            t.township404("GET", care + "/elderly?orgId=" + world(t).unitId(), null);
            assertThat(t.secretary().get(care + "/elderly").status()).isEqualTo(200);
        });
        p.put("GET /api/v1/serving/care/plan", t -> {
            t.township404("GET", care + "/plan?orgId=" + world(t).unitId(), null);
            assertThat(t.secretary().get(care + "/plan").status()).isEqualTo(200);
        });
        p.put("POST /api/v1/serving/care/plan", t -> {
            String body = "{\"memberId\":" + world(t).memberId() + ",\"kind\":\"SICK\",\"month\":12}";
            t.township404("POST", care + "/plan", body);
            t.api404("POST", care + "/plan", body);
        });
        p.put("POST /api/v1/serving/care/plan/elderly", t -> {
            t.township404("POST", care + "/plan/elderly?orgId=" + world(t).unitId(), "{}");
            t.api404("POST", care + "/plan/elderly?orgId=" + world(t).unitId(), "{}");
        });
        p.put("POST /serving/care/plan", t -> t.page404(t.townshipWeb().post("/serving/care/plan", Map.of("memberId",
                "" + world(t).memberId(), "kind", "SICK", "month", "12"))));
        p.put("POST /serving/care/plan/elderly", t -> {
            // the page plans the caller's own subtree only: the township's own plan, never the foreign member
            var r = t.townshipWeb().post("/serving/care/plan/elderly", Map.of());
            assertThat(r.status()).isIn(200, 302);
            assertThat(t.as("admin").get(care + "/plan?orgId=" + world(t).unitId()).body()).doesNotContain("\"memberId\":" + world(t).memberId() + ",");
        });
        // --- activity photos
        p.put("POST /api/v1/serving/activities/{id}/photos", t -> {
            Api.Response r = t.secretary().multipart(acts + "/" + world(t).activityId() + "/photos", "a.png", io.zhibu.support.TestFiles.png());
            assertThat(r.status()).isEqualTo(404);
            assertThat(t.township().multipart(acts + "/" + world(t).activityId() + "/photos", "a.png", io.zhibu.support.TestFiles.png())
                    .status()).isEqualTo(404);
        });
        p.put("GET /api/v1/serving/activities/{id}/photos/{photoId}", t -> {
            CareWorld c = careWorld(t);
            t.api404("GET", acts + "/" + world(t).activityId() + "/photos/" + c.photoId());
            t.township404("GET", acts + "/" + world(t).activityId() + "/photos/" + c.photoId(), null);
            assertThat(t.as("member").get(acts + "/" + world(t).activityId() + "/photos/" + c.photoId()).status()).isEqualTo(404);
            assertThat(t.as("admin").get(acts + "/" + world(t).activityId() + "/photos/" + c.photoId()).status()).as("owner").isEqualTo(200);
        });
        p.put("POST /serving/activities/{id}/photos", t -> t.page404(t.townshipWeb().post("/serving/activities/"
                + world(t).activityId() + "/photos", Map.of())));
        p.put("GET /serving/activities/{id}/photos/{photoId}", t -> {
            t.page404(t.townshipWeb().get("/serving/activities/" + world(t).activityId() + "/photos/" + careWorld(t).photoId()));
            t.page404(t.secretaryWeb().get("/serving/activities/" + world(t).activityId() + "/photos/" + careWorld(t).photoId()));
        });
        // --- pages
        p.put("GET /serving", t -> {
            t.page404(t.townshipWeb().get("/serving?orgId=" + world(t).communityId()));
            WebPage own = new WebPage(t.secretaryWeb().get("/serving"));
            assertThat(own.status).isEqualTo(200);
            assertThat(own.body).doesNotContain("外社区服务需求");
        });
        p.put("GET /serving/rates", t -> {
            t.page404(t.townshipWeb().get("/serving/rates?orgId=" + world(t).unitId()));
            assertThat(t.secretaryWeb().get("/serving/rates").status()).isEqualTo(200);
        });
        p.put("POST /serving/reports", t -> t.page404(t.townshipWeb().post("/serving/reports",
                Map.of("memberId", "" + world(t).memberId(), "communityOrgId", "" + world(t).communityId()))));
        for (String action : new String[] {"confirm", "decline", "withdraw"}) {
            p.put("POST /serving/reports/{id}/" + action, t -> t.page404(t.townshipWeb().post("/serving/reports/"
                    + world(t).reportId() + "/" + action, Map.of("reason", "x"))));
        }
        p.put("POST /serving/needs", t -> t.page404(t.townshipWeb().post("/serving/needs", Map.of("communityOrgId",
                "" + world(t).communityId(), "title", "x", "needOn", LocalDate.now().plusDays(1).toString(), "places", "1"))));
        p.put("POST /serving/needs/{id}/close", t -> t.page404(t.townshipWeb().post("/serving/needs/" + world(t).needId() + "/close", Map.of())));
        p.put("POST /serving/needs/{id}/signups", t -> t.page404(t.townshipWeb().post("/serving/needs/" + world(t).needId() + "/signups", Map.of())));
        p.put("POST /serving/signups/{id}/record", t -> t.page404(t.townshipWeb().post("/serving/signups/" + world(t).signupId()
                + "/record", Map.of("minutes", "60"))));
        return p;
    }

    private record WebPage(int status, String body) {
        WebPage(io.zhibu.support.WebSession.Page p) {
            this(p.status(), p.body());
        }
    }
}
