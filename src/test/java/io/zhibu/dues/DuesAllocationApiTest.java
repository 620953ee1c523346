package io.zhibu.dues;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static io.zhibu.db.Tables.DUES_ALLOCATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 党费下拨/返还 (issue 18 point 5): the superior records allocations with the decision; reversals; the branch sees them. */
class DuesAllocationApiTest extends IntegrationTest {
    @Autowired
    DSLContext db;

    private static String form(long toOrgId, String amount, LocalDate on, String decision) {
        return "{\"toOrgId\":" + toOrgId + ",\"amount\":" + amount + ",\"allocatedOn\":\"" + on + "\",\"decisionNo\":"
                + Api.quote(decision) + ",\"decidedOn\":\"" + on.minusDays(3) + "\",\"purpose\":\"党员教育和慰问困难党员\"}";
    }

    @Test
    @DisplayName("the township allocates to its branch with the decision; bad input names the field; one reversal; audited")
    void superiorAllocatesBranchReceives() {
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        LocalDate today = LocalDate.now();
        long branch = facts.ownBranchId();
        int before = db.fetchCount(DUES_ALLOCATION);

        // bad input: every field named, nothing written
        Api.Response bad = township.post("/api/v1/dues/allocations", "{\"toOrgId\":" + branch + ",\"amount\":-1,"
                + "\"allocatedOn\":\"" + today.plusDays(2) + "\",\"decisionNo\":\" \",\"purpose\":\"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"amount\"", "\"allocatedOn\"", "\"decidedOn\"", "\"decisionNo\"", "\"purpose\"");
        // the branch cannot allocate to itself (403: only its superior), a foreign branch is not found
        assertThat(secretary.post("/api/v1/dues/allocations", form(branch, "100", today, "X-1")).status()).isEqualTo(403);
        assertThat(township.post("/api/v1/dues/allocations", form(facts.foreignBranchId(), "100", today, "X-2")).status())
                .isEqualTo(404);
        // the township cannot allocate to itself (its superior does)
        Api.Response self = township.post("/api/v1/dues/allocations", form(facts.townshipId(), "100", today, "X-3"));
        assertThat(self.status()).isEqualTo(403);
        assertThat(db.fetchCount(DUES_ALLOCATION)).isEqualTo(before);

        Api.Response ok = township.post("/api/v1/dues/allocations", form(branch, "1200.50", today, "镇党委〔2026〕3号"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        long id = ok.at("/id").asLong();
        assertThat(ok.at("/fromOrgId").asLong()).isEqualTo(facts.townshipId());
        assertThat(ok.at("/kind").asText()).isEqualTo("ALLOCATE");
        assertThat(ok.at("/canReverse").asBoolean()).isTrue();

        // the branch sees what it received; the township its own ledger
        var received = secretary.get("/api/v1/dues/allocations");
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.at("/received").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("1200.50"));
        assertThat(received.body()).contains("镇党委〔2026〕3号").contains("\"canReverse\":false");
        assertThat(township.get("/api/v1/dues/allocations").at("/allocatedOut").decimalValue())
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("1200.50"));

        // a correction is a reversal by the allocating committee, once; the branch may not reverse
        assertThat(secretary.post("/api/v1/dues/allocations/" + id + "/reverse", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(township.post("/api/v1/dues/allocations/" + id + "/reverse", "{\"reason\":\" \"}").body()).contains("\"reason\"");
        Api.Response rev = township.post("/api/v1/dues/allocations/" + id + "/reverse", "{\"reason\":\"金额有误\"}");
        assertThat(rev.status()).as(rev.body()).isEqualTo(201);
        assertThat(rev.at("/amount").decimalValue()).isEqualByComparingTo("-1200.50");
        assertThat(rev.at("/reversesId").asLong()).isEqualTo(id);
        assertThat(township.post("/api/v1/dues/allocations/" + id + "/reverse", "{\"reason\":\"再次\"}").status()).isEqualTo(409);
        assertThat(township.post("/api/v1/dues/allocations/" + rev.at("/id").asLong() + "/reverse", "{\"reason\":\"再次\"}").status())
                .isEqualTo(409);
        // the original stays as written (append-only)
        assertThat(db.fetchOne(DUES_ALLOCATION, DUES_ALLOCATION.ID.eq(id)).getAmount()).isEqualByComparingTo("1200.50");

        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("dues.allocation.record")
                .and(AUDIT_EVENT.DETAIL.contains("镇党委〔2026〕3号")))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("dues.allocation.reverse"))).isGreaterThanOrEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("dues.allocation.record")
                .and(AUDIT_EVENT.OUTCOME.ne(io.zhibu.audit.AuditOutcome.SUCCESS)))).isGreaterThanOrEqualTo(1);

        // the page: a picker for the recipient, no internal keys
        WebSession web = new WebSession(port, "township", PASSWORD);
        WebSession.Page page = web.get("/dues/allocations");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"allocation-form\"", "toOrgId-pick", "Dues allocated back", "Reversed")
                .doesNotContain("dues.allocation.");
        WebSession.Page posted = web.post("/dues/allocations", Map.of("toOrgId", "" + branch, "amount", "88",
                "allocatedOn", today.toString(), "decisionNo", "镇党委〔2026〕9号", "decidedOn", today.toString(),
                "purpose", "活动经费"));
        assertThat(posted.status()).isIn(200, 302);
        assertThat(secretary.get("/api/v1/dues/allocations").body()).contains("镇党委〔2026〕9号");
    }
}
