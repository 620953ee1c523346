package io.zhibu.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TransferApiTest extends IntegrationTest {
    private Api secretary;
    private Api admin;
    private DemoFacts facts;
    private long branchId;

    @BeforeEach
    void setUp() {
        secretary = as("secretary");
        admin = as("admin");
        facts = DemoFacts.discover(admin, secretary, as("township"));
        branchId = facts.ownBranchId();
    }

    private long newMember(String name) {
        Api.Response r = secretary.post("/api/v1/members", "{\"orgId\":" + branchId + ",\"name\":" + Api.quote(name)
                + ",\"idNumber\":\"" + TestIds.fresh(true) + "\",\"ethnicity\":\"01\",\"category\":\"FULL\",\"joinedOn\":\"2012-07-01\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    /** R4.4: dues paid up to the transfer month, recorded by the treasurer (cash). */
    private YearMonth payUp(long member) {
        YearMonth current = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        int version = secretary.get("/api/v1/dues/accounts/" + member).at("/account/version").asInt();
        assertThat(secretary.put("/api/v1/dues/accounts/" + member + "/base",
                "{\"category\":\"EMPLOYED\",\"monthlyIncome\":4500,\"version\":" + version + "}").status()).isEqualTo(200);
        secretary.post("/api/v1/dues/bills/issue", "{\"period\":\"" + current + "\",\"orgId\":" + branchId + "}");
        Api.Response paid = secretary.post("/api/v1/dues/accounts/" + member + "/offline-payments", "{\"upTo\":\"" + current
                + "\",\"method\":\"CASH\",\"receiptNo\":\"T-" + member + "\",\"idempotencyKey\":\"transfer-" + member + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return current;
    }

    private JsonNode act(Api who, long id, String action, int expectStatus, String extra) {
        int version = who.get("/api/v1/transfers/" + id).at("/version").asInt();
        Api.Response r = who.post("/api/v1/transfers/" + id + "/actions", "{\"action\":\"" + action + "\",\"version\":" + version
                + (extra == null ? "" : "," + extra) + "}");
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(expectStatus);
        return r.json();
    }

    /** A secretary (or staff) of the foreign branch's township: the receiving side in its own scope. */
    private Api receiver() {
        return as("county"); // the county covers the foreign branch; the secretary's township does not
    }

    @Test
    void internalOnlineTransferAcrossSubtrees() {
        long member = newMember("钱转出");
        Api.Response created = secretary.post("/api/v1/transfers", "{\"kind\":\"INTERNAL\",\"memberId\":" + member
                + ",\"toOrgId\":" + facts.foreignBranchId() + ",\"channel\":\"ONLINE\",\"reason\":\"工作调动\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.at("/id").asLong();
        assertThat(created.at("/status").asText()).isEqualTo("DRAFT");
        act(secretary, id, "SUBMIT", 200, null);
        assertThat(secretary.get("/api/v1/members/" + member + "/events").json().get(0).get("type").asText()).isEqualTo("TRANSFER_STARTED");
        // R4.4: not approved while dues are owing; approved once paid up to the transfer month
        JsonNode owing = act(secretary, id, "APPROVE_OUT", 409, null);
        assertThat(owing.get("detail").asText()).isNotBlank();
        YearMonth paidUpTo = payUp(member);
        act(secretary, id, "APPROVE_OUT", 200, null);
        JsonNode issued = act(secretary, id, "ISSUE", 200, "\"validMonths\":2");
        assertThat(issued.get("letterNumber").asText()).startsWith("转字〔");
        assertThat(issued.get("duesPaidUntil").asText()).isEqualTo(paidUpTo.toString());
        // the sender cannot accept for the receiver
        act(secretary, id, "ACCEPT", 403, null);
        // the receiving side sees it in its incoming box
        Api township = as("township");
        List<Long> townshipIncoming = new ArrayList<>();
        township.get("/api/v1/transfers?box=RECEIVING&size=100").at("/items").forEach(t -> townshipIncoming.add(t.get("id").asLong()));
        assertThat(townshipIncoming).as("the sending township does not receive it").doesNotContain(id);
        Api county = receiver();
        List<Long> incoming = new ArrayList<>();
        county.get("/api/v1/transfers?box=RECEIVING&size=100").at("/items").forEach(t -> incoming.add(t.get("id").asLong()));
        assertThat(incoming).contains(id);
        act(county, id, "ACCEPT", 200, null);
        act(county, id, "REPORT", 200, "\"targetBranchId\":" + facts.foreignBranchId());
        // still on the old roster until completion
        assertThat(secretary.get("/api/v1/members/" + member).status()).isEqualTo(200);
        act(county, id, "COMPLETE", 200, null);
        assertThat(secretary.get("/api/v1/members/" + member).status()).isEqualTo(404);
        JsonNode moved = admin.get("/api/v1/members/" + member).json();
        assertThat(moved.get("orgId").asLong()).isEqualTo(facts.foreignBranchId());
        assertThat(admin.get("/api/v1/transfers/" + id).at("/steps").size()).isEqualTo(7);
    }

    @Test
    void twoApproversAtOnceExactlyOneWins() throws Exception {
        long member = newMember("孙并发");
        long id = secretary.post("/api/v1/transfers", "{\"kind\":\"INTERNAL\",\"memberId\":" + member + ",\"toOrgId\":"
                + facts.foreignBranchId() + "}").at("/id").asLong();
        act(secretary, id, "SUBMIT", 200, null);
        payUp(member);
        int version = secretary.get("/api/v1/transfers/" + id).at("/version").asInt();
        Api other = as("township");
        String body = "{\"action\":\"APPROVE_OUT\",\"version\":" + version + "}";
        var a = CompletableFuture.supplyAsync(() -> secretary.post("/api/v1/transfers/" + id + "/actions", body).status());
        var b = CompletableFuture.supplyAsync(() -> other.post("/api/v1/transfers/" + id + "/actions", body).status());
        List<Integer> statuses = List.of(a.get(), b.get());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(secretary.get("/api/v1/transfers/" + id).at("/steps").size()).isEqualTo(3);
        // cancelling clears the in-transit flag
        act(secretary, id, "CANCEL", 200, "\"note\":\"不转了\"");
        assertThat(secretary.get("/api/v1/members/" + member + "/events").json().get(0).get("type").asText()).isEqualTo("TRANSFER_ENDED");
    }

    @Test
    void outOfThePlatformWithPaperLetterAndIntoIt() {
        long member = newMember("李转外");
        long id = secretary.post("/api/v1/transfers", "{\"kind\":\"OUTGOING\",\"memberId\":" + member
                + ",\"toOrgName\":\"中共某省某市某单位支部委员会\"}").at("/id").asLong();
        act(secretary, id, "SUBMIT", 200, null);
        payUp(member);
        act(secretary, id, "APPROVE_OUT", 200, null);
        act(secretary, id, "ISSUE", 400, "\"validMonths\":4");
        act(secretary, id, "ISSUE", 200, null);
        assertThat(new io.zhibu.support.WebSession(port, "secretary", PASSWORD).get("/transfers/" + id + "/letter").body())
                .contains("转字〔", "李转外");
        act(secretary, id, "RETURN_RECEIPT", 200, null);
        act(secretary, id, "COMPLETE", 200, null);
        assertThat(secretary.get("/api/v1/members?size=5&q=" + Api.enc("李转外")).at("/total").asLong()).isZero();
        List<String> exited = new ArrayList<>();
        secretary.get("/api/v1/members/exited?size=200").at("/items").forEach(e -> exited.add(e.get("id").asLong() + e.get("exitType").asText()));
        assertThat(exited).contains(member + "TRANSFERRED_OUT");

        Api.Response in = secretary.post("/api/v1/transfers", "{\"kind\":\"INCOMING\",\"memberName\":\"周转入\",\"fromOrgName\":\"外省某支部\","
                + "\"letterNumber\":\"外字001\",\"validUntil\":\"" + java.time.LocalDate.now().plusDays(20) + "\",\"toOrgId\":" + branchId + "}");
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        long inId = in.at("/id").asLong();
        act(secretary, inId, "ACCEPT", 200, null);
        String id18 = TestIds.fresh(false);
        act(secretary, inId, "REPORT", 200, "\"member\":{\"name\":\"周转入\",\"idNumber\":\"" + id18
                + "\",\"ethnicity\":\"01\",\"category\":\"FULL\",\"joinedOn\":\"2015-05-04\"}");
        act(secretary, inId, "RETURN_RECEIPT", 200, null);
        act(secretary, inId, "COMPLETE", 200, null);
        assertThat(secretary.get("/api/v1/members?size=5&q=" + id18).at("/total").asLong()).isEqualTo(1);
    }

    @Test
    void foreignMembersAndTransfersAreInvisible() {
        Api.Response r = secretary.post("/api/v1/transfers", "{\"kind\":\"INTERNAL\",\"memberId\":" + facts.foreignMemberId()
                + ",\"toOrgId\":" + branchId + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain(facts.foreignBranchName());
        assertThat(as("member").get("/api/v1/transfers").status()).isEqualTo(403);
    }
}
