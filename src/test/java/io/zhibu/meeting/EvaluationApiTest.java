package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 民主评议党员 over the API: self, peer, anonymous ballot once, decision with the 1/3 cap, feedback to the member. */
class EvaluationApiTest extends IntegrationTest {
    @Test
    void yearlyRoundFromSelfEvaluationToFeedback() {
        Api secretary = as("secretary");
        Api member = as("member");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        long me = member.get("/api/v1/me").at("/memberId").asLong();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String api = "/api/v1/meetings/evaluations";

        assertThat(secretary.post(api, "{\"orgId\":" + branch + ",\"year\":1999}").status()).isEqualTo(400);
        Api.Response opened = secretary.post(api, "{\"orgId\":" + branch + ",\"year\":" + year + "}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(secretary.post(api, "{\"orgId\":" + branch + ",\"year\":" + year + "}").status()).isEqualTo(409);
        String id = opened.at("/id").asText();
        List<Long> full = new ArrayList<>();
        Long probationary = null;
        Long peer = null;
        for (JsonNode e : opened.at("/entries")) {
            long mid = e.get("memberId").asLong();
            if (e.get("probationary").asBoolean()) {
                probationary = mid;
            } else {
                full.add(mid);
            }
            if (mid != me && peer == null) {
                peer = mid;
            }
        }
        assertThat(full).contains(me);

        assertThat(member.post(api + "/" + id + "/self", "{\"text\":\"认真学习，按时交纳党费\"}").status()).isEqualTo(200);
        assertThat(member.post(api + "/" + id + "/peer", "{\"toMemberId\":" + peer + ",\"text\":\"积极参加活动\"}").status()).isEqualTo(200);
        assertThat(member.post(api + "/" + id + "/peer", "{\"toMemberId\":" + peer + ",\"text\":\"again\"}").status()).isEqualTo(409);
        assertThat(member.post(api + "/" + id + "/peer", "{\"toMemberId\":" + me + ",\"text\":\"self\"}").status()).isEqualTo(400);
        if (probationary != null) {
            assertThat(member.post(api + "/" + id + "/ballot", "{\"grades\":{\"" + probationary + "\":\"EXCELLENT\"}}").status())
                    .as("R8.3").isEqualTo(400);
        }
        assertThat(member.post(api + "/" + id + "/ballot", "{\"grades\":{\"" + peer + "\":\"EXCELLENT\"}}").status()).isEqualTo(200);
        assertThat(member.post(api + "/" + id + "/ballot", "{\"grades\":{\"" + peer + "\":\"QUALIFIED\"}}").status()).isEqualTo(409);
        JsonNode seen = secretary.get(api + "/" + id).json();
        assertThat(seen.get("ballots").asInt()).isEqualTo(1);
        assertThat(member.post(api + "/" + id + "/decision", "{\"grades\":{}}").status()).isEqualTo(403);

        // more than a third excellent: refused, nothing changed
        StringBuilder tooMany = new StringBuilder();
        for (long m : full) {
            tooMany.append(tooMany.isEmpty() ? "" : ",").append('"').append(m).append("\":\"EXCELLENT\"");
        }
        Api.Response capped = secretary.post(api + "/" + id + "/decision", "{\"grades\":{" + tooMany + "}}");
        assertThat(capped.status()).isEqualTo(400);
        assertThat(capped.body()).contains("exceed one third");
        assertThat(secretary.get(api + "/" + id).at("/status").asText()).isEqualTo("OPEN");
        if (probationary != null) {
            Api.Response prob = secretary.post(api + "/" + id + "/decision", "{\"grades\":{" + tooMany + ",\"" + probationary + "\":\"QUALIFIED\"}}");
            assertThat(prob.status()).isEqualTo(400);
            assertThat(prob.body()).contains("not graded");
        }

        int cap = full.size() / 3;
        StringBuilder ok = new StringBuilder();
        for (int i = 0; i < full.size(); i++) {
            String grade = full.get(i) == me ? "BASIC" : i < cap ? "EXCELLENT" : "QUALIFIED";
            ok.append(i == 0 ? "" : ",").append('"').append(full.get(i)).append("\":\"").append(grade).append('"');
        }
        Api.Response decided = secretary.post(api + "/" + id + "/decision", "{\"grades\":{" + ok + "},\"feedback\":{\"" + me + "\":\"制定改进计划\"}}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.at("/status").asText()).isEqualTo("DECIDED");

        JsonNode mine = member.get(api + "/" + id).json();
        for (JsonNode e : mine.get("entries")) {
            if (e.get("memberId").asLong() == me) {
                assertThat(e.get("grade").asText()).isEqualTo("BASIC");
                assertThat(e.get("feedback").asText()).isEqualTo("制定改进计划");
            } else {
                assertThat(e.has("grade")).as("others' grades stay hidden").isFalse();
            }
        }
        assertThat(member.post(api + "/" + id + "/self", "{\"text\":\"late\"}").status()).isEqualTo(409);
        assertThat(member.get(api).json().findValuesAsString("id")).contains(id);
    }
}
