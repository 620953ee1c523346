package io.zhibu.serving;

import static io.zhibu.db.Tables.SERVING_DESIGNATION;
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

/** Issue 21 point 3: 先锋岗 / 责任区 / 共产党员户 / 三亮两带 designations, the public 亮身份 card, the yearly review. */
class DesignationApiTest extends IntegrationTest {
    @Autowired
    java.time.Clock clock;
    @Autowired
    DSLContext db;

    @Test
    @DisplayName("the secretary designates a member; the public card shows name, post and commitments only; the member sees it on the phone and profile; reviewed once a year")
    void designateShowReview() {
        Api secretary = as("secretary");
        Api member = as("member");
        long memberId = member.get("/api/v1/me").at("/memberId").asLong();
        JsonNode record = as("admin").get("/api/v1/members/" + memberId).json();
        LocalDate today = LocalDate.now(clock);

        // bad input: fields named, nothing stored
        int before = db.fetchCount(SERVING_DESIGNATION);
        Api.Response bad = secretary.post("/api/v1/serving/designations", "{\"memberId\":" + memberId
                + ",\"kind\":\"RESPONSIBILITY_AREA\",\"post\":\"\",\"commitments\":\"\",\"startsOn\":\"" + today
                + "\",\"endsOn\":\"" + today.minusDays(1) + "\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("post").contains("commitments").contains("area").contains("endsOn");
        assertThat(db.fetchCount(SERVING_DESIGNATION)).isEqualTo(before);
        assertThat(member.post("/api/v1/serving/designations", "{\"memberId\":" + memberId + ",\"kind\":\"PIONEER_POST\","
                + "\"post\":\"x\",\"commitments\":\"x\",\"startsOn\":\"" + today + "\"}").status()).as("members do not designate").isIn(403, 404);

        Api.Response made = secretary.post("/api/v1/serving/designations", "{\"memberId\":" + memberId
                + ",\"kind\":\"RESPONSIBILITY_AREA\",\"post\":\"幸福小区党员责任区\",\"area\":\"幸福小区 1-3 号楼\","
                + "\"commitments\":\"每周走访一次，有事打 13736435330\",\"startsOn\":\"" + today.minusMonths(2) + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.at("/id").asLong();
        String token = made.at("/publicToken").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(made.at("/inForce").asBoolean()).isTrue();

        // the public card: no sign-in, no personal data (the phone in the commitments is masked)
        Api anonymous = new Api(secretary.base());
        Api.Response card = anonymous.get("/public/serving/cards/" + token + "?lang=zh_CN");
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body()).contains(record.at("/name").asText()).contains("幸福小区党员责任区").contains("每周走访一次")
                .contains("党员责任区").doesNotContain("13736435330").doesNotContain(record.at("/idNumberMasked").asText())
                .doesNotContain("serving.");
        assertThat(anonymous.get("/public/serving/cards/" + token + "/qr.svg").body()).contains("<svg");
        assertThat(anonymous.get("/public/serving/cards/" + "x".repeat(43)).status()).isEqualTo(404);

        // the member: own list (with the card link), the phone home, the profile section
        assertThat(member.get("/api/v1/serving/designations").body()).contains("幸福小区党员责任区").contains(token);
        assertThat(member.get("/api/v1/serving/designations/members/" + memberId).status()).isEqualTo(200);
        assertThat(member.get("/api/v1/todos").body()).contains("/serving/designations");
        WebSession phone = new WebSession(port, "member", PASSWORD);
        assertThat(phone.get("/?lang=zh_CN").body()).contains("我的亮身份").contains("幸福小区党员责任区");
        assertThat(phone.get("/serving/designations/members/" + memberId + "?lang=zh_CN").body()).contains("幸福小区党员责任区");
        assertThat(phone.get("/serving/designations?lang=zh_CN").body()).contains("亮身份卡").doesNotContain("serving.");

        // the yearly review: once a year; unqualified withdraws and the card says so
        Api.Response badReview = secretary.post("/api/v1/serving/designations/" + id + "/reviews", "{\"year\":" + (today.getYear() + 1) + "}");
        assertThat(badReview.status()).isEqualTo(400);
        assertThat(badReview.body()).contains("result").contains("year");
        Api.Response reviewed = secretary.post("/api/v1/serving/designations/" + id + "/reviews",
                "{\"year\":" + today.getYear() + ",\"result\":\"UNQUALIFIED\",\"comment\":\"未履行承诺\"}");
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.at("/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(reviewed.at("/reviews/0/result").asText()).isEqualTo("UNQUALIFIED");
        assertThat(secretary.post("/api/v1/serving/designations/" + id + "/reviews",
                "{\"year\":" + today.getYear() + ",\"result\":\"QUALIFIED\"}").status()).isEqualTo(409);
        assertThat(anonymous.get("/public/serving/cards/" + token + "?lang=zh_CN").body()).contains("已撤销或不在有效期内");
        assertThat(secretary.post("/api/v1/serving/designations/" + id + "/withdraw", "{}").status()).isEqualTo(409);

        // the branch's pages: Chinese and English, no keys; the township sees the designation, a foreign branch not
        String page = new WebSession(port, "secretary", PASSWORD).get("/serving/designations?lang=zh_CN").body();
        assertThat(page).contains("亮身份").contains("幸福小区党员责任区").contains("年度评议").doesNotContain("serving.");
        String en = new WebSession(port, "secretary", PASSWORD).get("/serving/designations?lang=en").body();
        assertThat(en).contains("Responsibility area").doesNotContain("serving.");
        assertThat(as("township").get("/api/v1/serving/designations/" + id).status()).isEqualTo(200);
    }
}
