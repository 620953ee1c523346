package io.zhibu.development;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The pages render at every step (each next-step form), the web form refuses and accepts, dossier and to-do list. */
class DevelopmentPagesTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void personPageRendersTheFormOfEveryStepAndTheDossierTheWholeHistory() {
        Api secretary = as("secretary");
        WebSession web = new WebSession(port, "secretary", PASSWORD);
        long branchId = secretary.get("/api/v1/me").at("/orgId").asLong();
        JsonNode full = secretary.get("/api/v1/members?category=FULL&size=2").at("/items");
        String sponsors = full.get(0).get("id").asText() + "," + full.get(1).get("id").asText();

        assertThat(web.get("/development/new").status()).isEqualTo(200);
        LocalDate b = TODAY.minusYears(4).withDayOfMonth(12);
        WebSession.Page created = web.post("/development", Map.of("orgId", "" + branchId, "name", "页面甲",
                "idNumber", TestIds.fresh(false), "ethnicity", "01", "appliedOn", b.toString(), "attachments", "入党申请书"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/development/", ""));

        // the web form: a date before the application is refused with the rule, then the step passes
        WebSession.Page refused = web.post("/development/" + id + "/steps/2", Map.of("version", "" + version(secretary, id),
                "date", b.minusDays(1).toString(), "people", "张书记"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("is-invalid").contains("R2.12");
        assertThat(web.post("/development/" + id + "/steps/2", Map.of("version", "" + version(secretary, id),
                "date", b.plusDays(3).toString(), "people", "张书记")).status()).isEqualTo(302);

        LocalDate a = b.plusMonths(1);
        LocalDate y = a.plusYears(1);
        LocalDate m = y.plusMonths(2);
        LocalDate e = m.plusYears(1);
        Object[][] steps = new Object[][] {
            {3, f("date", a, "attachments", "记录")}, {4, f("date", a, "attachments", "备案")},
            {5, f("date", a, "memberIds", sponsors)}, {6, f("date", a.plusMonths(6), "attachments", "考察")},
            {7, f("date", y, "noticeFrom", y.minusDays(14), "noticeTo", y.minusDays(1), "attachments", "公示")},
            {8, f("date", y, "attachments", "备案")}, {9, f("date", y, "memberIds", sponsors)},
            {10, f("date", y, "decision", "QUALIFIED", "attachments", "政审")},
            {11, f("date", y, "trainingDays", 3, "trainingHours", 24, "attachments", "证书")},
            {12, f("date", y, "attachments", "记录")}, {13, f("date", y, "decision", "QUALIFIED", "attachments", "预审")},
            {14, f("date", y, "documentNo", "ZY-9")},
            {15, f("date", m, "votesDue", 9, "votesPresent", 9, "votesYes", 9, "votesNo", 0, "votesAbstain", 0, "attachments", "记录")},
            {16, f("date", m, "people", "组织员")}, {17, f("date", m, "decision", "APPROVED")},
            {18, f("date", m, "attachments", "备案")}, {19, group(secretary, branchId) == null ? f("date", m) : f("date", m, "groupOrgId", group(secretary, branchId))}, {20, f("date", m)},
            {21, f("date", m.plusMonths(6), "attachments", "考察")}, {22, f("date", e, "attachments", "转正申请")},
            {23, f("date", e, "decision", "CONVERT", "noticeFrom", e.minusDays(14), "noticeTo", e.minusDays(1),
                    "votesDue", 9, "votesPresent", 9, "votesYes", 9, "votesNo", 0, "votesAbstain", 0, "attachments", "记录")},
            {24, f("date", e, "decision", "APPROVED")}, {25, f("date", e, "attachments", "档案")}};
        for (Object[] s : steps) {
            int no = (Integer) s[0];
            WebSession.Page page = web.get("/development/" + id);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).as("form of step " + no).contains("id=\"step-form\"").contains("/steps/" + no + "\"");
            // each form asks only for what its step needs (the step table)
            assertThat(page.body().contains("name=\"memberIds\"")).as("members input at step " + no).isEqualTo(no == 5 || no == 9);
            assertThat(page.body().contains("name=\"votesDue\"")).as("votes at step " + no).isEqualTo(no == 15 || no == 23);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) s[1]);
            body.put("version", version(secretary, id));
            Api.Response r = secretary.post("/api/v1/development/persons/" + id + "/steps/" + no, Api.json(body));
            assertThat(r.status()).as("step " + no + " " + r.body()).isEqualTo(200);
        }
        WebSession.Page done = web.get("/development/" + id);
        assertThat(done.body()).contains("dev-finished").doesNotContain("step-form");
        WebSession.Page dossier = web.get("/development/" + id + "/dossier");
        assertThat(dossier.status()).isEqualTo(200);
        assertThat(dossier.body()).contains("ZY-9").contains("checklist").contains("@media print").contains("provisional");
        assertThat(web.get("/development").status()).isEqualTo(200);
        assertThat(web.get("/development/todo").status()).isEqualTo(200);
        assertThat(web.post("/development/plans", Map.of("orgId", "" + branchId, "year", "2097", "planned", "3")).status()).isEqualTo(302);
        assertThat(secretary.get("/api/v1/development/pipeline?year=2097").at("/planned").asLong()).isEqualTo(3);
    }

    private static Long group(Api api, long branchId) {
        for (JsonNode o : api.get("/api/v1/orgs/" + branchId + "/children").json()) {
            if (o.get("type").asText().equals("PARTY_GROUP")) {
                return o.get("id").asLong();
            }
        }
        return null;
    }

    private static int version(Api api, long id) {
        return api.get("/api/v1/development/persons/" + id).at("/version").asInt();
    }

    private static Map<String, Object> f(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] instanceof LocalDate d ? d.toString() : kv[i + 1]);
        }
        return m;
    }
}
