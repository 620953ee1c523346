package io.zhibu.dues;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 上缴: the branch records, the superior confirms, the report balances collected, received and remitted. */
class DuesRemittanceApiTest extends IntegrationTest {
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

    String remit(Long orgId, YearMonth from, YearMonth to, String amount, LocalDate on, String voucher) {
        return "{" + (orgId == null ? "" : "\"orgId\":" + orgId + ",") + "\"from\":\"" + from + "\",\"to\":\"" + to
                + "\"" + (amount == null ? "" : ",\"amount\":" + amount) + ",\"remittedOn\":\"" + on + "\""
                + (voucher == null ? "" : ",\"voucherNo\":\"" + voucher + "\"") + "}";
    }

    JsonNode line(JsonNode report, long orgId) {
        for (JsonNode l : report.at("/lines")) {
            if (l.get("orgId").asLong() == orgId) {
                return l;
            }
        }
        return null;
    }

    @Test
    void branchRemitsSuperiorConfirmsAndTheReportBalances() {
        long branch = facts.ownBranchId();
        LocalDate today = LocalDate.now();
        YearMonth from = current.minusMonths(2);
        String voucher = "PZ-" + UUID.randomUUID().toString().substring(0, 8);
        // R5.5: a voluntary one-off payment of 1000 yuan must go up in full
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", branch);
        m.put("name", "上缴测试");
        m.put("idNumber", TestIds.fresh(false));
        m.put("ethnicity", "01");
        m.put("category", "FULL");
        m.put("joinedOn", "2013-07-01");
        long member = secretary.post("/api/v1/members", Api.json(m)).at("/id").asLong();
        Api.Response gift = secretary.post("/api/v1/dues/accounts/" + member + "/offline-payments", "{\"upTo\":\"" + current
                + "\",\"method\":\"BANK_TRANSFER\",\"receiptNo\":\"G-1\",\"voluntaryAmount\":1000,\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}");
        assertThat(gift.at("/remitInFull").asBoolean()).isTrue();

        // bad input refused, field by field
        assertThat(secretary.post("/api/v1/dues/remittances", remit(null, from, current, "30", today, voucher)).body()).contains("orgId");
        assertThat(secretary.post("/api/v1/dues/remittances", remit(branch, from, current, "0", today, voucher)).body()).contains("amount");
        assertThat(secretary.post("/api/v1/dues/remittances", remit(branch, from, current, "1.001", today, voucher)).status()).isEqualTo(400);
        assertThat(secretary.post("/api/v1/dues/remittances", remit(branch, from, current, "30", today.plusDays(1), voucher)).body()).contains("remittedOn");
        assertThat(secretary.post("/api/v1/dues/remittances", remit(branch, from, current.plusMonths(1), "30", today, voucher)).body()).contains("\"to\"");
        assertThat(secretary.post("/api/v1/dues/remittances", remit(branch, current, from, "30", today, voucher)).body()).contains("\"to\"");
        assertThat(secretary.post("/api/v1/dues/remittances", remit(branch, from, current, "30", today, null)).body()).contains("voucherNo");
        assertThat(as("member").post("/api/v1/dues/remittances", remit(branch, from, current, "30", today, voucher)).status()).isEqualTo(403);

        Api.Response rec = secretary.post("/api/v1/dues/remittances", remit(branch, from, current, "30.00", today, voucher));
        assertThat(rec.status()).as(rec.body()).isEqualTo(200);
        assertThat(rec.at("/status").asText()).isEqualTo("RECORDED");
        long parent = rec.at("/toOrgId").asLong(); // the branch's parent committee (inside the township)
        assertThat(parent).isPositive();
        long id = rec.at("/id").asLong();
        assertThat(secretary.post("/api/v1/dues/remittances", remit(branch, from, current, "30.00", today, voucher)).status()).isEqualTo(409);
        // the branch cannot confirm its own remittance; the township (covering its parent) does, once
        assertThat(secretary.post("/api/v1/dues/remittances/" + id + "/confirm", "{\"version\":0}").status()).isEqualTo(403);
        assertThat(township.post("/api/v1/dues/remittances/" + id + "/confirm", "{}").status()).isEqualTo(400);
        Api.Response ok = township.post("/api/v1/dues/remittances/" + id + "/confirm", "{\"version\":0}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.at("/status").asText()).isEqualTo("CONFIRMED");
        assertThat(township.post("/api/v1/dues/remittances/" + id + "/confirm", "{\"version\":1}").status()).isEqualTo(409);

        Api.Response report = township.get("/api/v1/dues/remittances?from=" + from + "&to=" + current);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode b = line(report.json(), branch);
        assertThat(b).isNotNull();
        assertThat(b.get("remitted").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("30.00"));
        assertThat(b.get("confirmed").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("30.00"));
        assertThat(b.get("remitInFull").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("1000.00"));
        assertThat(b.get("remitInFullShort").asBoolean()).isEqualTo(
                b.get("remitted").decimalValue().compareTo(b.get("remitInFull").decimalValue()) < 0);
        JsonNode t = line(report.json(), parent);
        assertThat(t.get("received").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("30.00"));
        for (JsonNode l : report.at("/lines")) {
            assertThat(l.get("outstanding").decimalValue()).isEqualByComparingTo(l.get("collected").decimalValue()
                    .add(l.get("received").decimalValue()).subtract(l.get("remitted").decimalValue()));
        }
        boolean listed = false;
        for (JsonNode r : report.at("/remittances")) {
            listed |= r.get("id").asLong() == id && r.get("voucherNo").asText().equals(voucher);
        }
        assertThat(listed).isTrue();

        // the township remits upward in turn; the county confirms
        Api.Response up = township.post("/api/v1/dues/remittances", remit(facts.townshipId(), from, current, "30.00", today, voucher));
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(township.post("/api/v1/dues/remittances/" + up.at("/id").asLong() + "/confirm", "{\"version\":0}").status()).isEqualTo(403);
        assertThat(as("county").post("/api/v1/dues/remittances/" + up.at("/id").asLong() + "/confirm", "{\"version\":0}").status()).isEqualTo(200);
        assertThat(secretary.get("/api/v1/dues/remittances?from=" + current + "&to=" + from).status()).isEqualTo(400);
    }
}
