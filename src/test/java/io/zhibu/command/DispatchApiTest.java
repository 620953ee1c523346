package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 周调度 end to end through HTTP (issue 17 point 4): the township raises an item at this week's meeting (owner, due
 * date), sends a task; this week's board shows the children's figures from the rollups, the open task with its
 * progress and the item; next week's board carries the item with its status once settled; the county reads the
 * township's board; the board exports as CSV and .xlsx.
 */
class DispatchApiTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final LocalDate MONDAY = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    @Test
    void raiseShowCarrySettleExport() {
        Api county = as("county");
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        String title = "督促村级活动场所整改 " + System.nanoTime() % 100000;

        // bad input names the fields; only staff raise items
        Api.Response empty = township.post("/api/v1/dispatch/items", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("title").contains("ownerName").contains("dueOn");
        Api.Response early = township.post("/api/v1/dispatch/items", "{\"title\":\"x\",\"ownerName\":\"张三\",\"dueOn\":\""
                + MONDAY.minusDays(1) + "\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("dueOn");
        assertThat(secretary.post("/api/v1/dispatch/items", "{\"title\":\"x\",\"ownerName\":\"张三\",\"dueOn\":\"" + TODAY
                + "\"}").status()).isEqualTo(403);

        Api.Response raised = township.post("/api/v1/dispatch/items", "{\"title\":\"" + title + "\",\"ownerName\":\"李委员\","
                + "\"ownerOrgId\":" + facts.ownBranchId() + ",\"dueOn\":\"" + MONDAY.plusDays(10) + "\"}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        long item = raised.at("/id").asLong();
        assertThat(raised.at("/weekStart").asText()).isEqualTo(MONDAY.toString());
        assertThat(raised.at("/status").asText()).isEqualTo("OPEN");
        Api.Response task = township.post("/api/v1/tasks", "{\"title\":\"周调度任务\",\"content\":\"请反馈\",\"dueOn\":\""
                + TODAY.plusDays(5) + "\",\"targets\":{\"orgIds\":[" + facts.ownBranchId() + "]}}");
        assertThat(task.status()).as(task.body()).isEqualTo(201);
        long taskId = task.at("/id").asLong();

        // this week's board: figures per child, the open task with its progress, the item
        JsonNode board = township.get("/api/v1/dispatch").json();
        assertThat(board.get("orgId").asLong()).isEqualTo(facts.townshipId());
        assertThat(board.get("weekStart").asText()).isEqualTo(MONDAY.toString());
        assertThat(board.get("children").toString()).contains("\"orgId\":" + facts.ownBranchId() + ",");
        assertThat(board.get("tasks").toString()).contains("\"id\":" + taskId + ",");
        assertThat(board.get("raised").toString()).contains(title).contains("\"ownerOrgId\":" + facts.ownBranchId());

        // next week: carried with its status; settled → shown as done; settling twice is refused
        String next = "/api/v1/dispatch?weekOf=" + MONDAY.plusWeeks(1);
        assertThat(township.get(next).at("/carried").toString()).contains(title).contains("\"status\":\"OPEN\"");
        Api.Response bad = township.post("/api/v1/dispatch/items/" + item + "/status", "{}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("status");
        Api.Response done = township.post("/api/v1/dispatch/items/" + item + "/status", "{\"status\":\"DONE\",\"note\":\"已整改\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(township.post("/api/v1/dispatch/items/" + item + "/status", "{\"status\":\"DONE\"}").status()).isEqualTo(409);
        JsonNode carried = township.get(next).at("/carried");
        assertThat(carried.toString()).contains(title).contains("\"status\":\"DONE\"").contains("已整改");

        // the county reads the township's board; the secretary has none
        assertThat(county.get("/api/v1/dispatch?orgId=" + facts.townshipId()).body()).contains(title);
        assertThat(secretary.get("/api/v1/dispatch").status()).isEqualTo(403);

        // export
        byte[] csv = township.bytes("/api/v1/dispatch/export?format=csv");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains(title).contains("周调度任务");
        byte[] xlsx = township.bytes("/api/v1/dispatch/export?format=xlsx");
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        Api.Response pdf = township.get("/api/v1/dispatch/export?format=pdf");
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.body()).contains("format");

        // audited
        assertThat(as("auditor").get("/api/v1/audit?action=command.dispatch.status&size=5").body()).contains(title);
    }
}
