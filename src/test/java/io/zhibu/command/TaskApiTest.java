package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.internal.SweepEngine;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 任务下发 end to end through HTTP (issue 17 point 1): the county sends, the secretary signs and replies, the county
 * returns and accepts, and the board follows; relays, overdue warnings, to-dos, bad input and scope.
 */
class TaskApiTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    SweepEngine sweeps;

    @Autowired
    io.zhibu.command.internal.TaskRepository taskRows;

    /** The board's counters equal the receiver rows counted live (rule C5 for overdue). */
    private void countersMatchTheRows(long task, long orgId, String path) {
        JsonNode b = board(task, orgId);
        long total = 0;
        long received = 0;
        long submitted = 0;
        long accepted = 0;
        long returned = 0;
        for (var g : taskRows.groups(task, path, TODAY)) {
            total += g.total();
            received += g.received();
            submitted += g.submitted();
            accepted += g.accepted();
            returned += g.returned();
        }
        assertThat(b.at("/figures/total").asLong()).isEqualTo(total);
        assertThat(b.at("/figures/received").asLong()).isEqualTo(received);
        assertThat(b.at("/figures/submitted").asLong()).isEqualTo(submitted);
        assertThat(b.at("/figures/accepted").asLong()).isEqualTo(accepted);
        assertThat(b.at("/figures/returned").asLong()).isEqualTo(returned);
    }

    private Api county;
    private Api township;
    private Api secretary;
    private DemoFacts facts;

    @BeforeEach
    void setUp() {
        county = as("county");
        township = as("township");
        secretary = as("secretary");
        facts = DemoFacts.discover(as("admin"), secretary, township);
    }

    private long send(Api who, String targets, LocalDate due) {
        return send(who, "学习贯彻全会精神", targets, due);
    }

    private long send(Api who, String title, String targets, LocalDate due) {
        Api.Response r = who.post("/api/v1/tasks", "{\"title\":" + Api.quote(title) + ",\"content\":\"请各支部组织专题学习并反馈。\","
                + "\"dueOn\":\"" + due + "\",\"targets\":" + targets + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private JsonNode board(long task, Long orgId) {
        Api.Response r = county.get("/api/v1/tasks/" + task + "/progress" + (orgId == null ? "" : "?orgId=" + orgId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode ownRow(long task) {
        JsonNode row = null;
        for (JsonNode b : board(task, facts.townshipId()).get("children")) {
            if (b.get("orgId").asLong() == facts.ownBranchId()) {
                row = b;
            }
        }
        assertThat(row).as("the secretary's branch on the township's board").isNotNull();
        return row;
    }

    @Test
    void sendSignReplyReturnResubmitAccept() {
        long task = send(county, "{\"rootOrgId\":" + facts.townshipId() + "}", TODAY.plusDays(7));
        JsonNode b = board(task, null);
        long total = b.at("/figures/total").asLong();
        assertThat(total).isPositive();
        assertThat(b.at("/figures/received").asLong()).isZero();
        assertThat(b.get("children")).hasSize(1); // the township, with every receiver below it
        assertThat(b.at("/children/0/orgId").asLong()).isEqualTo(facts.townshipId());
        assertThat(b.at("/children/0/total").asLong()).isEqualTo(total);
        assertThat(b.at("/children/0/hasBelow").asBoolean()).isTrue();
        assertThat(ownRow(task).get("status").asText()).isEqualTo("ISSUED");

        // the receiver's inbox and to-do
        JsonNode item = inboxItem(task);
        assertThat(item.get("status").asText()).isEqualTo("ISSUED");
        assertThat(item.get("actions").toString()).contains("RECEIVE").doesNotContain("SUBMIT");
        assertThat(item.get("receiptDueOn").asText()).isEqualTo(TODAY.plusDays(2).toString());
        assertThat(secretary.get("/api/v1/todos").body()).contains("/tasks/inbox/" + task);

        // reply before signing: refused, nothing changes
        assertThat(secretary.post("/api/v1/tasks/" + task + "/feedback", "{\"text\":\"已学习\"}").status()).isEqualTo(409);
        Api.Response signed = secretary.post("/api/v1/tasks/" + task + "/receipt", "{}");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.at("/status").asText()).isEqualTo("RECEIVED");
        assertThat(secretary.post("/api/v1/tasks/" + task + "/receipt", "{}").status()).isEqualTo(409);
        assertThat(board(task, null).at("/figures/received").asLong()).isEqualTo(1);

        Api.Response empty = secretary.post("/api/v1/tasks/" + task + "/feedback", "{\"text\":\" \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("text");
        Api.Response replied = secretary.post("/api/v1/tasks/" + task + "/feedback", "{\"text\":\"已召开专题学习会，参加党员 18 人。\"}");
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        assertThat(replied.at("/status").asText()).isEqualTo("SUBMITTED");
        assertThat(board(task, null).at("/figures/submitted").asLong()).isEqualTo(1);

        String review = "/api/v1/tasks/" + task + "/feedback/" + facts.ownBranchId() + "/review";
        Api.Response noComment = county.post(review, "{\"decision\":\"RETURN\"}");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.body()).contains("comment");
        assertThat(secretary.post(review, "{\"decision\":\"ACCEPT\"}").status()).isEqualTo(403);
        Api.Response returned = county.post(review, "{\"decision\":\"RETURN\",\"comment\":\"请补充学习照片和心得篇数。\"}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.at("/status").asText()).isEqualTo("RETURNED");
        b = board(task, null);
        assertThat(b.at("/figures/returned").asLong()).isEqualTo(1);
        assertThat(b.at("/figures/submitted").asLong()).isZero();
        assertThat(inboxItem(task).get("reviewComment").asText()).contains("补充");

        Api.Response again = secretary.post("/api/v1/tasks/" + task + "/feedback", "{\"text\":\"已补充：照片 6 张，心得 12 篇。\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.at("/submissions").asInt()).isEqualTo(2);
        Api.Response accepted = county.post(review, "{\"decision\":\"ACCEPT\",\"comment\":\"很好\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        b = board(task, null);
        assertThat(b.at("/figures/accepted").asLong()).isEqualTo(1);
        assertThat(b.at("/figures/returned").asLong()).isZero();
        assertThat(b.at("/children/0/accepted").asLong()).isEqualTo(1);
        assertThat(ownRow(task).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(county.post(review, "{\"decision\":\"RETURN\",\"comment\":\"再改\"}").status()).isEqualTo(409);
        assertThat(secretary.get("/api/v1/todos").body()).doesNotContain("/tasks/inbox/" + task + "\"");

        String townshipPath = as("admin").get("/api/v1/orgs/" + facts.townshipId()).at("/path").asText();
        countersMatchTheRows(task, facts.townshipId(), townshipPath);
        // the sender's list
        assertThat(county.get("/api/v1/tasks?size=50").body()).contains("\"id\":" + task);
        assertThat(county.get("/api/v1/tasks/" + task).at("/receiverCount").asLong()).isEqualTo(total);
    }

    private JsonNode inboxItem(long task) {
        for (JsonNode i : secretary.get("/api/v1/tasks/inbox").json()) {
            if (i.get("taskId").asLong() == task) {
                return i;
            }
        }
        throw new AssertionError("task " + task + " not in the secretary's inbox");
    }

    @Test
    void relayToTheSubtreeNotLaterThanTheParent() {
        LocalDate due = TODAY.plusDays(10);
        long task = send(county, "{\"orgIds\":[" + facts.townshipId() + "]}", due);
        String relayBody = "{\"dueOn\":\"%s\",\"targets\":{\"orgIds\":[" + facts.ownBranchId() + "]}}";
        // sign first
        assertThat(township.post("/api/v1/tasks/" + task + "/relay", relayBody.formatted(due)).status()).isEqualTo(409);
        assertThat(township.post("/api/v1/tasks/" + task + "/receipt", "{}").status()).isEqualTo(200);
        Api.Response late = township.post("/api/v1/tasks/" + task + "/relay", relayBody.formatted(due.plusDays(1)));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).contains("dueOn");
        Api.Response relayed = township.post("/api/v1/tasks/" + task + "/relay", relayBody.formatted(due.minusDays(3)));
        assertThat(relayed.status()).as(relayed.body()).isEqualTo(201);
        long relay = relayed.at("/id").asLong();
        assertThat(township.post("/api/v1/tasks/" + task + "/relay", relayBody.formatted(due)).status()).isEqualTo(409);

        JsonNode item = inboxItem(relay);
        assertThat(item.get("title").asText()).isEqualTo("学习贯彻全会精神");
        assertThat(item.get("dueOn").asText()).isEqualTo(due.minusDays(3).toString());
        // the county's board shows the relay on the township's line and may open it
        JsonNode b = board(task, null);
        assertThat(b.at("/children/0/relayTaskId").asLong()).isEqualTo(relay);
        assertThat(b.at("/children/0/relay/total").asLong()).isEqualTo(1);
        assertThat(b.at("/children/0/relay/received").asLong()).isZero();
        assertThat(secretary.post("/api/v1/tasks/" + relay + "/receipt", "{}").status()).isEqualTo(200);
        assertThat(board(task, null).at("/children/0/relay/received").asLong()).as("the relay rolls up").isEqualTo(1);
        assertThat(county.get("/api/v1/tasks/" + relay + "/progress").at("/figures/total").asLong()).isEqualTo(1);
        assertThat(township.get("/api/v1/tasks/" + relay + "/progress").status()).isEqualTo(200);
        // the township did not send the county's task
        assertThat(township.get("/api/v1/tasks/" + task + "/progress").status()).isEqualTo(404);
    }

    @Test
    void overdueReceiptAndFeedbackRaiseWarnings() {
        LocalDate due = TODAY.plusDays(5);
        String title = "逾期测试任务 " + System.nanoTime();
        long task = send(township, title, "{\"orgIds\":[" + facts.ownBranchId() + "]}", due);
        sweeps.sweep(TODAY.plusDays(3), EnumSet.of(WarningRule.TASK_OVERDUE), "test");
        String list = "/api/v1/warnings?rule=task-overdue&orgId=" + facts.ownBranchId() + "&size=200&status=OPEN";
        assertThat(level(list, title)).isEqualTo("RECEIPT");
        assertThat(secretary.post("/api/v1/tasks/" + task + "/receipt", "{}").status()).isEqualTo(200);
        sweeps.sweep(TODAY.plusDays(6), EnumSet.of(WarningRule.TASK_OVERDUE), "test");
        assertThat(level(list, title)).isEqualTo("FEEDBACK");
        assertThat(secretary.post("/api/v1/tasks/" + task + "/feedback", "{\"text\":\"已完成\"}").status()).isEqualTo(200);
        sweeps.sweep(TODAY.plusDays(6), EnumSet.of(WarningRule.TASK_OVERDUE), "test");
        assertThat(level(list, title)).as("the warning closes once the feedback is in").isNull();
    }

    private String level(String list, String title) {
        Api.Response r = secretary.get(list);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode w : r.at("/items")) {
            if (title.equals(w.get("subjectName").asText())) {
                return w.get("level").asText();
            }
        }
        return null;
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        long before = county.get("/api/v1/tasks?size=1").at("/total").asLong();
        String ok = "\"title\":\"t\",\"content\":\"c\",\"dueOn\":\"" + TODAY.plusDays(3) + "\"";
        assertThat(county.post("/api/v1/tasks", "{" + ok + "}").body()).contains("targets");
        Api.Response past = county.post("/api/v1/tasks", "{\"title\":\"t\",\"content\":\"c\",\"dueOn\":\""
                + TODAY.minusDays(1) + "\",\"targets\":{\"orgIds\":[" + facts.ownBranchId() + "]}}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("dueOn");
        Api.Response foreign = township.post("/api/v1/tasks", "{" + ok + ",\"targets\":{\"orgIds\":["
                + facts.foreignBranchId() + "]}}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("targets.orgIds").doesNotContain(facts.foreignBranchName());
        Api.Response self = township.post("/api/v1/tasks", "{" + ok + ",\"targets\":{\"orgIds\":[" + facts.townshipId() + "]}}");
        assertThat(self.status()).isEqualTo(400);
        Api.Response level = county.post("/api/v1/tasks", "{" + ok + ",\"targets\":{\"rootOrgId\":" + facts.townshipId()
                + ",\"level\":0}}");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.body()).contains("targets.level");
        assertThat(county.post("/api/v1/tasks", "{" + ok + ",\"targets\":{\"rootOrgId\":" + facts.townshipId()
                + ",\"type\":\"NOPE\"}}").status()).isEqualTo(400);
        assertThat(secretary.post("/api/v1/tasks", "{" + ok + ",\"targets\":{\"orgIds\":[" + facts.ownBranchId() + "]}}")
                .status()).isEqualTo(403);
        assertThat(county.get("/api/v1/tasks?size=1").at("/total").asLong()).isEqualTo(before);
    }

    @Test
    void levelFilterReachesTheTownshipsChildren() {
        long task = send(county, "{\"rootOrgId\":" + facts.townshipId() + ",\"level\":1}", TODAY.plusDays(3));
        JsonNode b = board(task, facts.townshipId());
        assertThat(b.at("/figures/total").asLong()).isEqualTo(b.get("children").size());
        for (JsonNode c : b.get("children")) {
            assertThat(c.get("status").asText()).isEqualTo("ISSUED");
        }
    }
}
