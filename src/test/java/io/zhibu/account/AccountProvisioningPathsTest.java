package io.zhibu.account;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 §1 over HTTP, one test per path the accounts follow that goes through another module (H2 and
 * PostgreSQL): approval into probation (development) creates the account and cancelled probation disables it;
 * transfer-in (transfer module) creates it; a transfer completed by the transfer module moves its scope, a transfer
 * out of the platform disables it; death disables it. Registration, roster import, exit and 停止党籍 are in
 * {@link AccountsApiTest} and {@code ImportedMembersGetAccountsTest}.
 */
class AccountProvisioningPathsTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PW = "Path#2026pw";

    private Api secretary;
    private Api secadmin;
    private DemoFacts facts;
    private long branchId;

    @BeforeEach
    void setUp() {
        secretary = as("secretary");
        secadmin = as("secadmin");
        facts = DemoFacts.discover(as("admin"), secretary, as("township"));
        branchId = facts.ownBranchId();
    }

    // --- accounts ----------------------------------------------------------------------------------------------

    private JsonNode accountOf(long memberId) {
        String login = String.format("M%08d", memberId);
        Api.Response r = secadmin.get("/api/v1/accounts?q=" + Api.enc(login));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.at("/total").asLong()).as("the account of member " + memberId).isEqualTo(1);
        return r.at("/items/0");
    }

    /** Activates the member's account with a code from the security administrator; answers the signed-in client. */
    private Api activated(long memberId) {
        JsonNode a = accountOf(memberId);
        String code = secadmin.post("/api/v1/accounts/" + a.get("id").asLong() + "/activation-codes", "{}")
                .at("/activationCode").asText();
        Api.Response r = api().post("/api/v1/auth/activate", "{\"login\":\"" + a.get("login").asText()
                + "\",\"activationCode\":\"" + code + "\",\"newPassword\":\"" + PW + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return api().login(a.get("login").asText(), PW);
    }

    private int signIn(long memberId) {
        return api().post("/api/v1/auth/login", "{\"username\":\"" + String.format("M%08d", memberId)
                + "\",\"password\":\"" + PW + "\"}").status();
    }

    private long newMember(String name) {
        Api.Response r = secretary.post("/api/v1/members", "{\"orgId\":" + branchId + ",\"name\":" + Api.quote(name)
                + ",\"idNumber\":\"" + TestIds.fresh(true) + "\",\"ethnicity\":\"01\",\"category\":\"FULL\","
                + "\"joinedOn\":\"2012-07-01\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    // --- development ---------------------------------------------------------------------------------------------

    private static Map<String, Object> f(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> votes(LocalDate d) {
        return f("date", d.toString(), "votesDue", 9, "votesPresent", 9, "votesYes", 9, "votesWrittenYes", 0,
                "votesNo", 0, "votesAbstain", 0, "attachments", "会议记录");
    }

    private void step(long id, int no, Map<String, Object> fields) {
        JsonNode p = secretary.get("/api/v1/development/persons/" + id).json();
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putIfAbsent("version", p.get("version").asInt());
        Api.Response r = secretary.post("/api/v1/development/persons/" + id + "/steps/" + no, Api.json(body));
        assertThat(r.status()).as("step " + no + ": " + r.body()).isEqualTo(200);
    }

    private Long group() {
        for (JsonNode o : secretary.get("/api/v1/orgs/" + branchId + "/children").json()) {
            if (o.get("type").asText().equals("PARTY_GROUP")) {
                return o.get("id").asLong();
            }
        }
        return null;
    }

    @Test
    void approvalIntoProbationCreatesTheAccountAndCancelledProbationDisablesIt() {
        LocalDate b = TODAY.minusYears(5).withDayOfMonth(6);
        Api.Response reg = secretary.post("/api/v1/development/persons", Api.json(Map.of("orgId", branchId,
                "name", "账号发展", "idNumber", TestIds.fresh(true), "ethnicity", "01", "appliedOn", b.toString(),
                "attachments", "入党申请书")));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        long id = reg.at("/person/id").asLong();
        JsonNode full = secretary.get("/api/v1/members?category=FULL&size=2").at("/items");
        String sponsors = full.get(0).get("id").asText() + "," + full.get(1).get("id").asText();
        LocalDate a = b.plusMonths(1);
        LocalDate y = a.plusYears(1);
        LocalDate m = y.plusMonths(1);
        step(id, 2, f("date", b.plusDays(5).toString(), "people", "书记"));
        step(id, 3, f("date", a.toString(), "attachments", "记录"));
        step(id, 4, f("date", a.toString(), "attachments", "备案"));
        step(id, 5, f("date", a.toString(), "memberIds", sponsors));
        step(id, 6, f("date", a.plusMonths(6).toString(), "attachments", "考察"));
        step(id, 7, f("date", y.toString(), "noticeFrom", y.minusDays(14).toString(), "noticeTo",
                y.minusDays(1).toString(), "attachments", "公示"));
        step(id, 8, f("date", y.toString(), "attachments", "备案"));
        step(id, 9, f("date", y.toString(), "memberIds", sponsors));
        step(id, 10, f("date", y.toString(), "decision", "QUALIFIED", "attachments", "政审"));
        step(id, 11, f("date", y.toString(), "trainingDays", 3, "trainingHours", 24, "attachments", "证书"));
        step(id, 12, f("date", y.toString(), "attachments", "记录"));
        step(id, 13, f("date", y.toString(), "decision", "QUALIFIED", "attachments", "预审"));
        step(id, 14, f("date", y.toString(), "documentNo", "ZH-ACC-" + id));
        step(id, 15, votes(m));
        step(id, 16, f("date", m.toString(), "people", "组织员"));
        assertThat(secretary.get("/api/v1/development/persons/" + id).json().hasNonNull("memberId"))
                .as("no member (and no account) before the approval").isFalse();
        step(id, 17, f("date", m.toString(), "decision", "APPROVED"));

        long memberId = secretary.get("/api/v1/development/persons/" + id).at("/memberId").asLong();
        JsonNode account = accountOf(memberId);
        assertThat(account.get("status").asText()).isEqualTo("UNACTIVATED");
        assertThat(account.get("displayName").asText()).isEqualTo("账号发展");
        assertThat(account.get("orgId").asLong()).isEqualTo(branchId);
        Api member = activated(memberId);
        assertThat(member.get("/api/v1/me").at("/realName").asText()).isEqualTo("账号发展");

        step(id, 18, f("date", m.toString(), "attachments", "备案"));
        step(id, 19, group() == null ? f("date", m.toString()) : f("date", m.toString(), "groupOrgId", group()));
        step(id, 20, f("date", m.toString()));
        step(id, 21, f("date", m.plusMonths(6).toString(), "attachments", "考察"));
        LocalDate end = m.plusYears(1);
        step(id, 22, f("date", end.toString(), "attachments", "转正申请"));
        Map<String, Object> cancel = votes(end);
        cancel.put("decision", "CANCEL");
        step(id, 23, cancel);
        assertThat(accountOf(memberId).get("status").asText()).as("not before the approval").isEqualTo("ACTIVE");
        step(id, 24, f("date", end.plusMonths(1).toString(), "decision", "APPROVED"));

        assertThat(accountOf(memberId).get("status").asText()).isEqualTo("DISABLED");
        assertThat(member.get("/api/v1/me").status()).as("sessions ended").isEqualTo(401);
        assertThat(signIn(memberId)).isEqualTo(401);
    }

    // --- transfer ------------------------------------------------------------------------------------------------

    private void act(Api who, long id, String action, String extra) {
        int version = who.get("/api/v1/transfers/" + id).at("/version").asInt();
        Api.Response r = who.post("/api/v1/transfers/" + id + "/actions", "{\"action\":\"" + action + "\",\"version\":"
                + version + (extra == null ? "" : "," + extra) + "}");
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    }

    /** R4.4: dues paid up to the transfer month before the letter is approved. */
    private void payUp(long member) {
        YearMonth current = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        int version = secretary.get("/api/v1/dues/accounts/" + member).at("/account/version").asInt();
        assertThat(secretary.put("/api/v1/dues/accounts/" + member + "/base",
                "{\"category\":\"EMPLOYED\",\"monthlyIncome\":4500,\"version\":" + version + "}").status()).isEqualTo(200);
        secretary.post("/api/v1/dues/bills/issue", "{\"period\":\"" + current + "\",\"orgId\":" + branchId + "}");
        Api.Response paid = secretary.post("/api/v1/dues/accounts/" + member + "/offline-payments", "{\"upTo\":\""
                + current + "\",\"method\":\"CASH\",\"receiptNo\":\"A-" + member + "\",\"idempotencyKey\":\"acc-"
                + member + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    }

    @Test
    void transferInThroughTheTransferModuleCreatesTheAccount() {
        Api.Response in = secretary.post("/api/v1/transfers", "{\"kind\":\"INCOMING\",\"memberName\":\"账号转入\","
                + "\"fromOrgName\":\"外省某支部\",\"letterNumber\":\"外字A01\",\"validUntil\":\"" + TODAY.plusDays(20)
                + "\",\"toOrgId\":" + branchId + "}");
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        long id = in.at("/id").asLong();
        act(secretary, id, "ACCEPT", null);
        act(secretary, id, "REPORT", "\"member\":{\"name\":\"账号转入\",\"idNumber\":\"" + TestIds.fresh(false)
                + "\",\"ethnicity\":\"01\",\"category\":\"FULL\",\"joinedOn\":\"2015-05-04\"}");
        long memberId = secretary.get("/api/v1/transfers/" + id).at("/memberId").asLong();
        assertThat(memberId).isPositive();
        JsonNode account = accountOf(memberId);
        assertThat(account.get("status").asText()).isEqualTo("UNACTIVATED");
        assertThat(account.get("displayName").asText()).isEqualTo("账号转入");
        assertThat(account.get("orgId").asLong()).isEqualTo(branchId);
        act(secretary, id, "RETURN_RECEIPT", null);
        act(secretary, id, "COMPLETE", null);
        assertThat(activated(memberId).get("/api/v1/me").at("/orgId").asLong()).isEqualTo(branchId);
    }

    @Test
    void aTransferCompletedByTheTransferModuleMovesTheScopeAndATransferOutDisables() {
        long memberId = newMember("账号调动");
        Api member = activated(memberId);
        long id = secretary.post("/api/v1/transfers", "{\"kind\":\"INTERNAL\",\"memberId\":" + memberId
                + ",\"toOrgId\":" + facts.foreignBranchId() + ",\"channel\":\"ONLINE\",\"reason\":\"工作调动\"}")
                .at("/id").asLong();
        act(secretary, id, "SUBMIT", null);
        payUp(memberId);
        act(secretary, id, "APPROVE_OUT", null);
        act(secretary, id, "ISSUE", "\"validMonths\":2");
        Api county = as("county");
        act(county, id, "ACCEPT", null);
        act(county, id, "REPORT", "\"targetBranchId\":" + facts.foreignBranchId());
        assertThat(accountOf(memberId).get("orgId").asLong()).as("not before completion").isEqualTo(branchId);
        act(county, id, "COMPLETE", null);

        assertThat(accountOf(memberId).get("orgId").asLong()).isEqualTo(facts.foreignBranchId());
        assertThat(accountOf(memberId).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(member.get("/api/v1/me").at("/orgId").asLong()).as("the scope follows the roster")
                .isEqualTo(facts.foreignBranchId());
        assertThat(api().login(String.format("M%08d", memberId), PW).get("/api/v1/me").at("/orgId").asLong())
                .isEqualTo(facts.foreignBranchId());
        assertThat(secretary.get("/api/v1/accounts?q=" + Api.enc(String.format("M%08d", memberId))).at("/total")
                .asLong()).as("the old branch's secretary no longer sees the account").isZero();

        long leaving = newMember("账号转出");
        Api leaver = activated(leaving);
        long out = secretary.post("/api/v1/transfers", "{\"kind\":\"OUTGOING\",\"memberId\":" + leaving
                + ",\"toOrgName\":\"中共某省某市某单位支部委员会\"}").at("/id").asLong();
        act(secretary, out, "SUBMIT", null);
        payUp(leaving);
        act(secretary, out, "APPROVE_OUT", null);
        act(secretary, out, "ISSUE", null);
        act(secretary, out, "RETURN_RECEIPT", null);
        act(secretary, out, "COMPLETE", null);
        assertThat(accountOf(leaving).get("status").asText()).isEqualTo("DISABLED");
        assertThat(leaver.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(signIn(leaving)).isEqualTo(401);
    }

    // --- member lifecycle ----------------------------------------------------------------------------------------

    @Test
    void deathDisablesTheAccountAndEndsItsSessions() {
        long memberId = newMember("账号病故");
        Api member = activated(memberId);
        Api.Response died = secretary.post("/api/v1/members/" + memberId + "/events", "{\"type\":\"DIED\","
                + "\"effectiveOn\":\"" + TODAY + "\",\"reason\":\"病故\",\"decidedBy\":\"支部\"}");
        assertThat(died.status()).as(died.body()).isEqualTo(200);
        assertThat(accountOf(memberId).get("status").asText()).isEqualTo("DISABLED");
        assertThat(member.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(signIn(memberId)).isEqualTo(401);
    }
}
