package io.zhibu.development;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * R4.7 / R2.5: a probationary member transferred between two townships takes the open development dossier along —
 * the receiving branch continues it with every step and date kept, and the log records the handover.
 */
class DevHandoverTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static Map<String, Object> f(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void ok(Api api, long id, int no, Map<String, Object> fields) {
        JsonNode p = api.get("/api/v1/development/persons/" + id).json();
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putIfAbsent("version", p.get("version").asInt());
        Api.Response r = api.post("/api/v1/development/persons/" + id + "/steps/" + no, Api.json(body));
        assertThat(r.status()).as("step " + no + ": " + r.body()).isEqualTo(200);
    }

    private static JsonNode act(Api who, long id, String action, String extra) {
        int version = who.get("/api/v1/transfers/" + id).at("/version").asInt();
        Api.Response r = who.post("/api/v1/transfers/" + id + "/actions", "{\"action\":\"" + action + "\",\"version\":" + version
                + (extra == null ? "" : "," + extra) + "}");
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void probationaryMembersDossierTravelsWithTheTransfer() {
        Api secretary = as("secretary");
        Api county = as("county");
        Api admin = as("admin");
        DemoFacts facts = DemoFacts.discover(admin, secretary, as("township"));
        long branch = facts.ownBranchId();
        // a person admitted as probationary member (steps 1–17), still in the pipeline
        LocalDate b = TODAY.minusYears(2).minusMonths(2).withDayOfMonth(10);
        Api.Response reg = secretary.post("/api/v1/development/persons", Api.json(Map.of("orgId", branch, "name", "随转甲",
                "idNumber", TestIds.fresh(true), "ethnicity", "01", "appliedOn", b.toString(), "attachments", "入党申请书")));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        long id = reg.at("/person/id").asLong();
        JsonNode full = secretary.get("/api/v1/members?category=FULL&size=2").at("/items");
        String sponsors = full.get(0).get("id").asText() + "," + full.get(1).get("id").asText();
        LocalDate a = b.plusMonths(1);
        LocalDate y = a.plusYears(1);
        LocalDate m = y.plusMonths(1);
        ok(secretary, id, 2, f("date", b.plusDays(5).toString(), "people", "书记"));
        ok(secretary, id, 3, f("date", a.toString(), "attachments", "记录"));
        ok(secretary, id, 4, f("date", a.toString(), "attachments", "备案"));
        ok(secretary, id, 5, f("date", a.toString(), "memberIds", sponsors));
        ok(secretary, id, 6, f("date", a.plusMonths(6).toString(), "attachments", "考察"));
        ok(secretary, id, 7, f("date", y.toString(), "noticeFrom", y.minusDays(14).toString(), "noticeTo", y.minusDays(1).toString(), "attachments", "公示"));
        ok(secretary, id, 8, f("date", y.toString(), "attachments", "备案"));
        ok(secretary, id, 9, f("date", y.toString(), "memberIds", sponsors));
        ok(secretary, id, 10, f("date", y.toString(), "decision", "QUALIFIED", "attachments", "政审"));
        ok(secretary, id, 11, f("date", y.toString(), "trainingDays", 3, "trainingHours", 24, "attachments", "证书"));
        ok(secretary, id, 12, f("date", y.toString(), "attachments", "记录"));
        ok(secretary, id, 13, f("date", y.toString(), "decision", "QUALIFIED", "attachments", "预审"));
        ok(secretary, id, 14, f("date", y.toString(), "documentNo", "SZ-" + id));
        ok(secretary, id, 15, f("date", m.toString(), "votesDue", 9, "votesPresent", 9, "votesYes", 9, "votesWrittenYes", 0,
                "votesNo", 0, "votesAbstain", 0, "attachments", "会议记录"));
        ok(secretary, id, 16, f("date", m.toString(), "people", "组织员"));
        ok(secretary, id, 17, f("date", m.toString(), "decision", "APPROVED"));
        JsonNode before = secretary.get("/api/v1/development/persons/" + id).json();
        long member = before.get("memberId").asLong();
        int stepsBefore = before.get("steps").size();

        // transfer from the secretary's township to a branch of another township (the county receives)
        Api.Response created = secretary.post("/api/v1/transfers", "{\"kind\":\"INTERNAL\",\"memberId\":" + member
                + ",\"toOrgId\":" + facts.foreignBranchId() + ",\"channel\":\"ONLINE\",\"reason\":\"工作调动\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long t = created.at("/id").asLong();
        act(secretary, t, "SUBMIT", null);
        payUp(secretary, branch, member);
        act(secretary, t, "APPROVE_OUT", null);
        act(secretary, t, "ISSUE", null);
        act(county, t, "ACCEPT", null);
        act(county, t, "REPORT", "\"targetBranchId\":" + facts.foreignBranchId());
        // until completion the dossier stays with the sending branch
        assertThat(secretary.get("/api/v1/development/persons/" + id).status()).isEqualTo(200);
        act(county, t, "COMPLETE", null);

        // the sending branch no longer sees it; the receiving side continues it with the history kept
        assertThat(secretary.get("/api/v1/development/persons/" + id).status()).isEqualTo(404);
        JsonNode after = county.get("/api/v1/development/persons/" + id).json();
        assertThat(after.at("/person/orgId").asLong()).isEqualTo(facts.foreignBranchId());
        assertThat(after.at("/person/state").asText()).isEqualTo("PROBATIONARY");
        assertThat(after.get("steps").size()).isEqualTo(stepsBefore);
        assertThat(after.at("/steps/0/date").asText()).isEqualTo(b.toString()); // R2.5: time counts continuously
        assertThat(after.get("probationEndsOn").asText()).isEqualTo(before.get("probationEndsOn").asText());
        JsonNode last = after.get("log").get(after.get("log").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("HANDOVER");
        assertThat(last.get("detail").asText()).contains(facts.foreignBranchName());
        // the receiving branch records the next step (18) on the dossier
        ok(county, id, 18, f("date", TODAY.toString(), "attachments", "备案"));
        assertThat(county.get("/api/v1/development/persons?orgId=" + facts.foreignBranchId() + "&size=100").body())
                .contains("\"id\":" + id + ",");
    }

    private static void payUp(Api secretary, long branch, long member) {
        YearMonth current = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        int version = secretary.get("/api/v1/dues/accounts/" + member).at("/account/version").asInt();
        assertThat(secretary.put("/api/v1/dues/accounts/" + member + "/base",
                "{\"category\":\"EMPLOYED\",\"monthlyIncome\":4500,\"version\":" + version + "}").status()).isEqualTo(200);
        secretary.post("/api/v1/dues/bills/issue", "{\"period\":\"" + current + "\",\"orgId\":" + branch + "}");
        Api.Response paid = secretary.post("/api/v1/dues/accounts/" + member + "/offline-payments", "{\"upTo\":\"" + current
                + "\",\"method\":\"CASH\",\"receiptNo\":\"H-" + member + "\",\"idempotencyKey\":\"handover-" + member + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    }
}
