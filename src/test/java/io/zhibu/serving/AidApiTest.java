package io.zhibu.serving;

import static io.zhibu.db.Tables.SERVING_AID;
import static io.zhibu.db.Tables.SERVING_AID_PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue 21 point 4: 困难党员帮扶 — applications, the superior's decision, payments, the superior's ledger per year. */
class AidApiTest extends IntegrationTest {
    @Autowired
    java.time.Clock clock;
    @Autowired
    DSLContext db;

    private static JsonNode yearOf(JsonNode ledger, int year) {
        for (JsonNode y : ledger.get("years")) {
            if (y.get("year").asInt() == year) {
                return y;
            }
        }
        return null;
    }

    @Test
    @DisplayName("the branch applies for its member; the township approves and pays in two parts; the ledger sums the year; bad input changes nothing")
    void applyDecidePay() {
        Api secretary = as("secretary");
        Api township = as("township");
        Api member = as("member");
        long memberId = member.get("/api/v1/me").at("/memberId").asLong();
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        JsonNode before = yearOf(township.get("/api/v1/serving/aid/ledger").json(), year);
        double paidBefore = before == null ? 0 : before.get("paid").asDouble();

        int rows = db.fetchCount(SERVING_AID);
        Api.Response bad = secretary.post("/api/v1/serving/aid", "{\"memberId\":" + memberId + ",\"reason\":\"\",\"amount\":-5}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("reason").contains("amount");
        assertThat(secretary.post("/api/v1/serving/aid", "{\"memberId\":" + memberId + ",\"reason\":\"x\",\"amount\":1.234}").status())
                .isEqualTo(400);
        assertThat(db.fetchCount(SERVING_AID)).isEqualTo(rows);

        Api.Response applied = secretary.post("/api/v1/serving/aid", "{\"memberId\":" + memberId
                + ",\"reason\":\"家中老人住院，医疗费用负担重\",\"amount\":2000}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.at("/id").asLong();
        assertThat(applied.at("/status").asText()).isEqualTo("APPLIED");
        assertThat(township.get("/api/v1/todos").body()).contains("/serving/aid");

        // the branch cannot decide its own application; the superior can, up to the amount asked
        assertThat(secretary.post("/api/v1/serving/aid/" + id + "/decision", "{\"approve\":true}").status()).isEqualTo(403);
        assertThat(township.post("/api/v1/serving/aid/" + id + "/decision", "{\"approve\":false}").body()).contains("note");
        assertThat(township.post("/api/v1/serving/aid/" + id + "/decision", "{\"approve\":true,\"amount\":3000}").body())
                .contains("amount");
        Api.Response approved = township.post("/api/v1/serving/aid/" + id + "/decision", "{\"approve\":true,\"amount\":1500,\"note\":\"按标准核定\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.at("/status").asText()).isEqualTo("APPROVED");
        assertThat(township.post("/api/v1/serving/aid/" + id + "/decision", "{\"approve\":true}").status()).isEqualTo(409);

        // payments: never more than approved; PAID when they reach it
        assertThat(secretary.post("/api/v1/serving/aid/" + id + "/payments", "{\"paidOn\":\"" + today + "\",\"amount\":100}").status())
                .isEqualTo(403);
        Api.Response first = township.post("/api/v1/serving/aid/" + id + "/payments", "{\"paidOn\":\"" + today + "\",\"amount\":1000,\"note\":\"第一笔\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Api.Response over = township.post("/api/v1/serving/aid/" + id + "/payments", "{\"paidOn\":\"" + today + "\",\"amount\":600}");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.body()).contains("amount");
        assertThat(db.fetchCount(SERVING_AID_PAYMENT, SERVING_AID_PAYMENT.AID_ID.eq(id))).isEqualTo(1);
        Api.Response second = township.post("/api/v1/serving/aid/" + id + "/payments", "{\"paidOn\":\"" + today + "\",\"amount\":500}");
        assertThat(second.at("/status").asText()).isEqualTo("PAID");
        assertThat(second.at("/amountPaid").asDouble()).isEqualTo(1500.0);
        assertThat(township.post("/api/v1/serving/aid/" + id + "/payments", "{\"paidOn\":\"" + today + "\",\"amount\":1}").status())
                .isEqualTo(409);
        assertThat(db.fetchCount(io.zhibu.db.Tables.AUDIT_EVENT, io.zhibu.db.Tables.AUDIT_EVENT.ACTION.eq("serving.aid.pay")
                .and(io.zhibu.db.Tables.AUDIT_EVENT.TARGET_ID.eq(String.valueOf(id))))).as("payments and the refusals audited").isGreaterThanOrEqualTo(4);

        // the superior's ledger: this year's totals grew by the payments; the member sees their own, the phone home too
        JsonNode after = yearOf(township.get("/api/v1/serving/aid/ledger?year=" + year).json(), year);
        assertThat(after.get("paid").asDouble() - paidBefore).isEqualTo(1500.0);
        assertThat(township.get("/api/v1/serving/aid/ledger?year=" + year).body()).contains("家中老人住院");
        assertThat(member.get("/api/v1/serving/aid/mine").body()).contains("家中老人住院").contains("PAID");
        assertThat(member.get("/api/v1/serving/aid/" + id).status()).isEqualTo(200);
        assertThat(member.get("/api/v1/serving/aid/ledger").status()).isEqualTo(403);
        assertThat(new WebSession(port, "member", PASSWORD).get("/?lang=zh_CN").body()).contains("我的帮扶申请");

        String ledger = new WebSession(port, "township", PASSWORD).get("/serving/aid?lang=zh_CN").body();
        assertThat(ledger).contains("帮扶台账").contains("家中老人住院").contains("已发放").doesNotContain("serving.");
        String en = new WebSession(port, "township", PASSWORD).get("/serving/aid?lang=en").body();
        assertThat(en).contains("Aid ledger").doesNotContain("serving.");
        assertThat(new WebSession(port, "member", PASSWORD).get("/serving/aid?lang=zh_CN").body()).contains("提交申请").doesNotContain("serving.");
    }
}
