package io.zhibu.dues;

import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_BILL_CORRECTION;
import static io.zhibu.db.Tables.DUES_RELIEF;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** R5.5 hardship reliefs end to end: branch decision, superior approval or rejection, corrected ledger, publicity. */
class DuesReliefApiTest extends IntegrationTest {
    @Autowired
    DSLContext db;

    Api secretary;
    Api township;
    DemoFacts facts;
    YearMonth current = YearMonth.now();

    @BeforeEach
    void setUp() {
        secretary = as("secretary");
        township = as("township");
        facts = DemoFacts.discover(as("admin"), secretary, township);
    }

    long newMember() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", facts.ownBranchId());
        m.put("name", "减免测试");
        m.put("idNumber", TestIds.fresh(true));
        m.put("ethnicity", "01");
        m.put("category", "FULL");
        m.put("joinedOn", "2013-07-01");
        Api.Response r = secretary.post("/api/v1/members", Api.json(m));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.at("/id").asLong();
        int version = secretary.get("/api/v1/dues/accounts/" + id).at("/account/version").asInt();
        Api.Response base = secretary.put("/api/v1/dues/accounts/" + id + "/base",
                "{\"category\":\"EMPLOYED\",\"monthlyIncome\":4500,\"version\":" + version + "}");
        assertThat(base.at("/monthlyAmount").decimalValue()).isEqualByComparingTo("45.00");
        return id;
    }

    void issue(YearMonth m) {
        Api.Response r = secretary.post("/api/v1/dues/bills/issue", "{\"period\":\"" + m + "\",\"orgId\":" + facts.ownBranchId() + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static String relief(String kind, String amount, YearMonth from, YearMonth to, String reason, LocalDate decided) {
        return "{\"kind\":\"" + kind + "\"" + (amount == null ? "" : ",\"monthlyAmount\":" + amount)
                + ",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"reason\":\"" + reason + "\",\"decidedOn\":\"" + decided + "\"}";
    }

    JsonNode bill(long member, YearMonth m) {
        for (JsonNode b : secretary.get("/api/v1/dues/accounts/" + member).at("/bills")) {
            if (b.get("period").asText().equals(m.toString())) {
                return b;
            }
        }
        return null;
    }

    int reliefCount(long member) {
        return db.fetchCount(DUES_RELIEF, DUES_RELIEF.MEMBER_ID.eq(member));
    }

    @Test
    void exemptionCountsOnlyAfterTheSuperiorApprovesAndCorrectsIssuedBills() {
        long id = newMember();
        issue(current.minusMonths(1));
        issue(current);
        String path = "/api/v1/dues/accounts/" + id + "/reliefs";
        LocalDate today = LocalDate.now();

        // bad input: each refused with its field, nothing written
        assertThat(secretary.post(path, "{\"from\":\"" + current + "\",\"to\":\"" + current + "\",\"reason\":\"x\",\"decidedOn\":\""
                + today + "\"}").body()).contains("kind");
        assertThat(secretary.post(path, relief("REDUCED", "45.00", current, current, "困难", today)).body()).contains("monthlyAmount");
        assertThat(secretary.post(path, relief("REDUCED", "-1", current, current, "困难", today)).status()).isEqualTo(400);
        assertThat(secretary.post(path, relief("REDUCED", "1.234", current, current, "困难", today)).status()).isEqualTo(400);
        assertThat(secretary.post(path, relief("EXEMPT", null, current, current.minusMonths(1), "困难", today)).body()).contains("\"to\"");
        assertThat(secretary.post(path, relief("EXEMPT", null, current, current.plusMonths(12), "困难", today)).body()).contains("\"to\"");
        assertThat(secretary.post(path, relief("EXEMPT", null, current, current, "困难", today.plusDays(1))).body()).contains("decidedOn");
        assertThat(secretary.post(path, relief("EXEMPT", null, current, current, " ", today)).body()).contains("reason");
        assertThat(secretary.post(path, "{\"kind\":\"SOMETIMES\"}").status()).isEqualTo(400);
        assertThat(reliefCount(id)).isZero();

        String reason = "重病住院" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response req = secretary.post(path, relief("EXEMPT", null, current.minusMonths(1), current.plusMonths(1), reason, today));
        assertThat(req.status()).as(req.body()).isEqualTo(200);
        assertThat(req.at("/status").asText()).isEqualTo("PENDING");
        long reliefId = req.at("/id").asLong();
        // overlapping months while one is pending
        assertThat(secretary.post(path, relief("REDUCED", "1.00", current, current, "again", today)).status()).isEqualTo(409);
        // not yet approved: the ledger is unchanged
        assertThat(bill(id, current).get("due").decimalValue()).isEqualByComparingTo("45.00");

        // only the next-level committee approves: the branch itself may not, a member may not even list
        assertThat(secretary.post("/api/v1/dues/reliefs/" + reliefId + "/approve", "{\"version\":0}").status()).isEqualTo(403);
        assertThat(as("member").get("/api/v1/dues/reliefs").status()).isEqualTo(403);
        assertThat(township.post("/api/v1/dues/reliefs/" + reliefId + "/approve", "{}").body()).contains("version");
        assertThat(township.post("/api/v1/dues/reliefs/" + reliefId + "/approve", "{\"version\":7}").status()).isEqualTo(409);
        JsonNode queue = township.get("/api/v1/dues/reliefs?status=PENDING").json();
        boolean listed = false;
        for (JsonNode r : queue) {
            listed |= r.get("id").asLong() == reliefId && r.get("canReview").asBoolean();
        }
        assertThat(listed).isTrue();
        Api.Response ok = township.post("/api/v1/dues/reliefs/" + reliefId + "/approve", "{\"version\":0,\"note\":\"同意\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.at("/status").asText()).isEqualTo("APPROVED");
        assertThat(township.post("/api/v1/dues/reliefs/" + reliefId + "/approve", "{\"version\":1}").status()).isEqualTo(409);

        // issued bills: never updated, corrected by entries; the statement shows 0.00 and "exempt"
        assertThat(db.select(DUES_BILL.AMOUNT_DUE).from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(id))
                .and(DUES_BILL.PERIOD.eq(current.atDay(1))).fetchOne(DUES_BILL.AMOUNT_DUE)).isEqualByComparingTo("45.00");
        assertThat(db.fetchCount(DUES_BILL_CORRECTION, DUES_BILL_CORRECTION.MEMBER_ID.eq(id))).isEqualTo(2);
        JsonNode b = bill(id, current);
        assertThat(b.get("due").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(b.get("relief").asText()).isEqualTo("EXEMPT");
        assertThat(b.get("settled").asBoolean()).isTrue();
        assertThat(bill(id, current.minusMonths(1)).get("due").decimalValue()).isEqualByComparingTo("0.00");
        // exempt months are not arrears, and paying through to a later month charges only the months owed
        for (JsonNode a : secretary.get("/api/v1/dues/arrears?orgId=" + facts.ownBranchId()).json()) {
            assertThat(a.get("memberId").asLong()).isNotEqualTo(id);
        }
        Api.Response pay = secretary.post("/api/v1/dues/accounts/" + id + "/offline-payments", "{\"upTo\":\""
                + current.plusMonths(2) + "\",\"method\":\"CASH\",\"receiptNo\":\"R-R1\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(pay.status()).as(pay.body()).isEqualTo(200);
        assertThat(pay.at("/amount").decimalValue()).isEqualByComparingTo("45.00");

        // the member sees the reason on their own statement; the publicity says only "exempt"
        assertThat(secretary.get(path).body()).contains(reason);
        Api.Response pub = secretary.get("/api/v1/dues/publicity?orgId=" + facts.ownBranchId() + "&from="
                + current.minusMonths(1) + "&to=" + current);
        assertThat(pub.status()).isEqualTo(200);
        assertThat(pub.body()).doesNotContain(reason);
        boolean marked = false;
        for (JsonNode l : pub.at("/lines")) {
            if (l.get("memberId").asLong() == id) {
                marked = "EXEMPT".equals(l.get("relief").asText()) && l.get("due").decimalValue().signum() == 0;
            }
        }
        assertThat(marked).isTrue();
        assertThat(secretary.get("/api/v1/dues/publicity.xlsx?orgId=" + facts.ownBranchId()).body()).doesNotContain(reason);
    }

    @Test
    void reductionBeforeIssueBillsTheReducedAmountAndRejectionChangesNothing() {
        long reduced = newMember();
        long rejected = newMember();
        LocalDate today = LocalDate.now();
        YearMonth next = current.plusMonths(1);
        long r1 = secretary.post("/api/v1/dues/accounts/" + reduced + "/reliefs",
                relief("REDUCED", "10.00", current, next, "失业", today)).at("/id").asLong();
        long r2 = secretary.post("/api/v1/dues/accounts/" + rejected + "/reliefs",
                relief("REDUCED", "5.00", current, current, "不充分", today)).at("/id").asLong();
        assertThat(township.post("/api/v1/dues/reliefs/" + r2 + "/reject", "{\"version\":0}").body()).contains("note");
        Api.Response no = township.post("/api/v1/dues/reliefs/" + r2 + "/reject", "{\"version\":0,\"note\":\"材料不全\"}");
        assertThat(no.at("/status").asText()).isEqualTo("REJECTED");
        assertThat(township.post("/api/v1/dues/reliefs/" + r1 + "/approve", "{\"version\":0}").status()).isEqualTo(200);
        issue(current);
        assertThat(bill(reduced, current).get("due").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(bill(reduced, current).get("relief").asText()).isEqualTo("REDUCED");
        assertThat(db.fetchCount(DUES_BILL_CORRECTION, DUES_BILL_CORRECTION.MEMBER_ID.eq(reduced))).isZero();
        assertThat(bill(rejected, current).get("due").decimalValue()).isEqualByComparingTo("45.00");
        // prepaying the next month (not yet billed) is charged at the approved reduced amount
        Api.Response pay = secretary.post("/api/v1/dues/accounts/" + reduced + "/offline-payments", "{\"upTo\":\""
                + next + "\",\"method\":\"CASH\",\"receiptNo\":\"R-R2\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(pay.status()).as(pay.body()).isEqualTo(200);
        assertThat(pay.at("/amount").decimalValue()).isEqualByComparingTo("20.00");
        // a rejected request frees the months for a new decision
        assertThat(secretary.post("/api/v1/dues/accounts/" + rejected + "/reliefs",
                relief("EXEMPT", null, current, current, "补充材料", today)).status()).isEqualTo(200);
    }

    @Test
    void twoOverlappingRequestsFiledAtOnceCannotBothBeApproved() {
        long id = newMember();
        long first = secretary.post("/api/v1/dues/accounts/" + id + "/reliefs",
                relief("EXEMPT", null, current, current, "一", LocalDate.now())).at("/id").asLong();
        // a second request that slipped past the overlap check (filed at the same moment), copied in the database
        var cols = new org.jooq.Field<?>[] {DUES_RELIEF.REGION_ORG_ID, DUES_RELIEF.ORG_ID, DUES_RELIEF.ORG_PATH,
                DUES_RELIEF.MEMBER_ID, DUES_RELIEF.KIND, DUES_RELIEF.MONTHLY_AMOUNT, DUES_RELIEF.PERIOD_FROM,
                DUES_RELIEF.PERIOD_TO, DUES_RELIEF.REASON, DUES_RELIEF.DECIDED_ON, DUES_RELIEF.STATUS,
                DUES_RELIEF.REQUESTED_BY, DUES_RELIEF.REQUESTED_AT, DUES_RELIEF.VERSION};
        db.insertInto(DUES_RELIEF).columns(cols).select(db.select(cols).from(DUES_RELIEF).where(DUES_RELIEF.ID.eq(first)))
                .execute();
        assertThat(township.post("/api/v1/dues/reliefs/" + first + "/approve", "{\"version\":0}").status()).isEqualTo(200);
        long second = db.select(org.jooq.impl.DSL.max(DUES_RELIEF.ID)).from(DUES_RELIEF).where(DUES_RELIEF.MEMBER_ID.eq(id))
                .fetchOne(0, Long.class);
        assertThat(second).isNotEqualTo(first);
        assertThat(township.post("/api/v1/dues/reliefs/" + second + "/approve", "{\"version\":0}").status()).isEqualTo(409);
    }

    @Test
    void nobodyApprovesTheirOwnDecision() {
        long id = newMember();
        Api.Response r = township.post("/api/v1/dues/accounts/" + id + "/reliefs",
                relief("EXEMPT", null, current, current, "township files it", LocalDate.now()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.at("/canReview").asBoolean()).isFalse();
        assertThat(township.post("/api/v1/dues/reliefs/" + r.at("/id").asLong() + "/approve", "{\"version\":0}").status())
                .isEqualTo(409);
        assertThat(as("county").post("/api/v1/dues/reliefs/" + r.at("/id").asLong() + "/approve", "{\"version\":0}").status())
                .isEqualTo(200);
    }
}
