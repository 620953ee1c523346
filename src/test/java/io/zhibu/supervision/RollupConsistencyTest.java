package io.zhibu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Incremental rollups equal a rebuild after random changes through the API (members registered, moved, exited;
 * dues issued, paid and reversed; meetings locked; applicants registered), and the dashboard's figures equal the
 * same figures counted live over the modules' rows.
 */
class RollupConsistencyTest extends IntegrationTest {
    @Autowired
    Rollups rollups;
    @Autowired
    Dashboards dashboards;

    @Test
    void aRankingOfManyBranchesReadsTheSameFiguresAsOneOfFew() {
        rollups.applyPending();
        Api county = as("county");
        long orgId = county.get("/api/v1/me").at("/orgId").asLong();
        String url = "/api/v1/supervision/rankings?rank=MEETING_RATE&limit=10000&orgId=" + orgId;
        try {
            dashboards.rangeReadAbove(Integer.MAX_VALUE);
            JsonNode probed = county.get(url).json();
            dashboards.rangeReadAbove(0);
            JsonNode ranged = county.get(url).json();
            assertThat(probed.size()).as("the county's branches").isGreaterThan(10);
            assertThat(ranged).isEqualTo(probed);
        } finally {
            dashboards.rangeReadAbove(1_000);
        }
    }

    @Test
    void incrementalEqualsRebuildAfterRandomChanges() {
        rollups.applyPending();
        assertThat(rollups.checkNow(20)).as("after the first build").isEmpty();

        Api admin = as("admin");
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        List<Long> branches = new ArrayList<>();
        for (JsonNode o : admin.get("/api/v1/orgs?type=BRANCH&limit=40").json()) {
            branches.add(o.get("id").asLong());
        }
        Random random = new Random(42);
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long target = i % 2 == 0 ? branch : branches.get(random.nextInt(branches.size()));
            Api.Response r = admin.post("/api/v1/members", "{\"orgId\":" + target + ",\"name\":\"汇总测试" + "甲乙丙丁戊己".charAt(i)
                    + "\",\"idNumber\":\"" + TestIds.fresh(i % 3 == 0) + "\",\"ethnicity\":\"01\",\"education\":\"21\","
                    + "\"category\":\"" + (i % 2 == 0 ? "FULL" : "PROBATIONARY") + "\",\"joinedOn\":\"2020-07-01\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            created.add(r.at("/id").asLong());
        }
        // a move to another branch, by editing the member's branch
        long moved = created.get(0);
        JsonNode m = admin.get("/api/v1/members/" + moved).json();
        long other = branches.stream().filter(b -> b != branch).findFirst().orElseThrow();
        Api.Response move = admin.put("/api/v1/members/" + moved, "{\"orgId\":" + other + ",\"name\":\"汇总测试甲\","
                + "\"ethnicity\":\"01\",\"education\":\"21\",\"category\":\"FULL\",\"joinedOn\":\"2020-07-01\",\"version\":"
                + m.get("version").asInt() + "}");
        assertThat(move.status()).as(move.body()).isEqualTo(200);
        // an exit
        assertThat(secretary.post("/api/v1/members/" + created.get(2) + "/events", "{\"type\":\"EXITED\",\"effectiveOn\":\""
                + LocalDate.now() + "\",\"exitType\":\"WITHDRAWN\",\"reason\":\"本人申请\",\"decidedBy\":\"支部大会\"}").status())
                .isEqualTo(200);
        // dues: the month's bills, a payment and its reversal
        String month = YearMonth.now().toString();
        assertThat(secretary.post("/api/v1/dues/bills/issue", "{\"period\":\"" + month + "\",\"orgId\":" + branch + "}")
                .status()).isEqualTo(200);
        Api.Response paid = secretary.post("/api/v1/dues/accounts/" + created.get(4) + "/offline-payments",
                "{\"upTo\":\"" + month + "\",\"method\":\"CASH\",\"receiptNo\":\"R-ROLLUP\",\"idempotencyKey\":\"rollup-1\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        long secretaryMember = secretary.get("/api/v1/members?size=1").at("/items/0/id").asLong();
        Api.Response paid2 = secretary.post("/api/v1/dues/accounts/" + secretaryMember + "/offline-payments",
                "{\"upTo\":\"" + month + "\",\"method\":\"CASH\",\"receiptNo\":\"R-ROLLUP2\",\"idempotencyKey\":\"rollup-2\"}");
        if (paid2.status() == 200) {
            assertThat(secretary.post("/api/v1/dues/payments/" + paid2.at("/id").asLong() + "/reverse",
                    "{\"reason\":\"录入错误\"}").status()).isEqualTo(200);
        }
        // a meeting held and locked
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        Api.Response meeting = secretary.post("/api/v1/meetings", "{\"orgId\":" + branch + ",\"types\":[\"PARTY_LECTURE\"],"
                + "\"title\":\"汇总党课\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusMinutes(60)
                + "\",\"place\":\"党群服务中心\",\"agenda\":\"学习\"}");
        assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
        String mid = meeting.at("/id").asText();
        int version = secretary.get("/api/v1/meetings/" + mid).at("/version").asInt();
        assertThat(secretary.put("/api/v1/meetings/" + mid + "/minutes", "{\"host\":\"张书记\",\"recorder\":\"李委员\","
                + "\"version\":" + version + "}").status()).isEqualTo(200);
        assertThat(secretary.post("/api/v1/meetings/" + mid + "/lock", null).status()).isEqualTo(200);
        // an applicant
        assertThat(secretary.post("/api/v1/development/persons", Api.json(Map.of("orgId", branch, "name", "汇总申请人",
                "idNumber", TestIds.fresh(false), "ethnicity", "01", "appliedOn", LocalDate.now().minusDays(3).toString(),
                "attachments", "入党申请书"))).status()).isEqualTo(201);

        assertThat(rollups.pending()).as("the changes left dirty marks").isPositive();
        assertThat(rollups.applyPending()).as("applied as deltas, not by a rebuild").isPositive();
        assertThat(rollups.pending()).isZero();
        assertThat(rollups.checkNow(20)).as("incremental = rebuild").isEmpty();

        // the dashboard (rollups) shows what counting live rows shows, for the county, a township and the branch
        for (String user : List.of("county", "township", "secretary")) {
            Api api = as(user);
            long orgId = api.get("/api/v1/me").at("/orgId").asLong();
            JsonNode dash = api.get("/api/v1/supervision/dashboard?orgId=" + orgId).json();
            JsonNode live = admin.get("/api/v1/supervision/dashboard/live?orgId=" + orgId).json();
            // every figure, zeros included: a rollup that shows 3 where live rows count 0 is as wrong as the reverse
            live.at("/" + orgId).properties().forEach(e ->
                    assertThat(dash.at("/figures/" + e.getKey().replace("/", "~1")).asLong())
                            .as(user + " " + e.getKey()).isEqualTo(e.getValue().asLong()));
        }
    }
}
