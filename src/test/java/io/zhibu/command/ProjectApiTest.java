package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestFiles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/**
 * 项目书 end to end through HTTP (issue 17 point 6): the county publishes a basic project (every branch), a key
 * project (the township's branches) and an innovation project; the secretary plans the key project, reports a
 * quarter with a photo as evidence, claims and withdraws the innovation project, reports the key project done; the
 * county evaluates it (announced as {@link ProjectEvaluated}), records the half-year dispatch; the boards per
 * project and per organization show it, each inside the caller's scope.
 */
class ProjectApiTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int YEAR = TODAY.getYear();

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ProjectService projects;

    private static String project(String code, String kind, String extra) {
        return "{\"year\":" + YEAR + ",\"code\":\"" + code + "\",\"kind\":\"" + kind + "\",\"title\":\"项目" + code
                + "\",\"goal\":\"目标\",\"department\":\"组织部\"" + extra + "}";
    }

    @Test
    void publishPlanReportEvaluate() {
        Api county = as("county");
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        List<ProjectEvaluated> announced = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
            if (e.getPayload() instanceof ProjectEvaluated p) {
                announced.add(p);
            }
        });
        String suffix = String.valueOf(System.nanoTime() % 100000);

        // bad input names the field; only staff publish
        Api.Response noTitle = county.post("/api/v1/projects", "{\"year\":" + YEAR + ",\"code\":\"X\",\"kind\":\"KEY\"}");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body()).contains("title").contains("goal").contains("department");
        assertThat(county.post("/api/v1/projects", project("B" + suffix, "BASIC", "")).body()).contains("appliesTo");
        assertThat(county.post("/api/v1/projects", project("K" + suffix, "KEY", "")).body()).contains("targets");
        assertThat(secretary.post("/api/v1/projects", project("S" + suffix, "INNOVATION", "")).status()).isEqualTo(403);

        long basic = created(county.post("/api/v1/projects", project("B" + suffix, "BASIC", ",\"appliesTo\":\"BRANCH\"")));
        long key = created(county.post("/api/v1/projects", project("K" + suffix, "KEY",
                ",\"targets\":{\"rootOrgId\":" + facts.townshipId() + "}")));
        long innovation = created(county.post("/api/v1/projects", project("C" + suffix, "INNOVATION", "")));
        Api.Response dup = county.post("/api/v1/projects", project("K" + suffix, "INNOVATION", ""));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body()).contains("code");

        // the secretary's book: the basic and key projects assigned, the innovation project open to claim
        JsonNode book = secretary.get("/api/v1/projects?year=" + YEAR).json();
        assertThat(ids(book.get("projects"))).contains(basic, key, innovation);
        assertThat(project(book, innovation).get("claimable").asBoolean()).isTrue();
        assertThat(ids(book.get("mine"), "projectId")).contains(basic, key).doesNotContain(innovation);

        // plan: fields named; deadline in the project's year; reporting before the plan is refused
        String deadline = YEAR + "-12-31";
        Api.Response noLeader = secretary.post("/api/v1/projects/" + key + "/plan", "{\"measures\":\"m\"}");
        assertThat(noLeader.status()).isEqualTo(400);
        assertThat(noLeader.body()).contains("leader").contains("deadline");
        assertThat(secretary.post("/api/v1/projects/" + key + "/plan", "{\"leader\":\"王书记\",\"measures\":\"m\",\"deadline\":\""
                + (YEAR + 1) + "-03-01\"}").body()).contains("deadline");
        assertThat(secretary.post("/api/v1/projects/" + key + "/reports", "{\"quarter\":1,\"progress\":\"x\"}").status())
                .isEqualTo(409);
        Api.Response planned = secretary.post("/api/v1/projects/" + key + "/plan",
                "{\"leader\":\"王书记\",\"measures\":\"逐户走访\",\"milestones\":\"6月底前完成摸排\",\"deadline\":\"" + deadline + "\"}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        assertThat(planned.at("/state").asText()).isEqualTo("CLAIMED");

        // a quarter's report with evidence; a bad quarter is named
        assertThat(secretary.post("/api/v1/projects/" + key + "/reports", "{\"quarter\":5,\"progress\":\"x\"}").body())
                .contains("quarter");
        assertThat(secretary.multipart("/api/v1/projects/" + key + "/reports/1/evidence", "a.png", TestFiles.png()).status())
                .isEqualTo(409); // no report of the quarter yet
        Api.Response reported = secretary.post("/api/v1/projects/" + key + "/reports", "{\"quarter\":1,\"progress\":\"完成摸排\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        assertThat(reported.at("/state").asText()).isEqualTo("IN_PROGRESS");
        Api.Response notPng = secretary.multipart("/api/v1/projects/" + key + "/reports/1/evidence", "a.png",
                "not a picture".getBytes());
        assertThat(notPng.status()).isEqualTo(400);
        assertThat(notPng.body()).contains("file");
        Api.Response photo = secretary.multipart("/api/v1/projects/" + key + "/reports/1/evidence", "走访.png", TestFiles.png());
        assertThat(photo.status()).as(photo.body()).isEqualTo(200);
        assertThat(photo.at("/reports/0/fileName").asText()).isEqualTo("走访.png");
        String evidence = "/api/v1/projects/" + key + "/orgs/" + facts.ownBranchId() + "/reports/1/evidence";
        assertThat(Arrays.equals(county.bytes(evidence), TestFiles.png())).isTrue();
        assertThat(secretary.get("/api/v1/projects/" + key + "/orgs/" + facts.foreignBranchId() + "/reports/1/evidence")
                .status()).isEqualTo(404);

        // claim and withdraw the innovation project; a withdrawn claim stays withdrawn
        Api.Response claimed = secretary.post("/api/v1/projects/" + innovation + "/plan",
                "{\"leader\":\"王书记\",\"measures\":\"党建+合作社\",\"deadline\":\"" + deadline + "\"}");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.at("/state").asText()).isEqualTo("CLAIMED");
        assertThat(secretary.post("/api/v1/projects/" + innovation + "/withdraw", "{}").at("/state").asText()).isEqualTo("WITHDRAWN");
        assertThat(secretary.post("/api/v1/projects/" + innovation + "/plan",
                "{\"leader\":\"王书记\",\"measures\":\"m\",\"deadline\":\"" + deadline + "\"}").status()).isEqualTo(409);
        assertThat(secretary.post("/api/v1/projects/" + key + "/withdraw", "{}").status()).isEqualTo(409); // key: never

        // done; the township (not the owner) cannot evaluate; a bad score is named
        assertThat(secretary.post("/api/v1/projects/" + key + "/reports", "{\"quarter\":2,\"progress\":\"全部完成\",\"done\":true}")
                .at("/state").asText()).isEqualTo("COMPLETED");
        String evaluation = "/api/v1/projects/" + key + "/orgs/" + facts.ownBranchId() + "/evaluation";
        assertThat(township.post(evaluation, "{\"score\":90}").status()).isEqualTo(403);
        Api.Response tooHigh = county.post(evaluation, "{\"score\":120}");
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.body()).contains("score");
        Api.Response evaluated = county.post(evaluation, "{\"score\":92.5,\"comment\":\"成效明显\"}");
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        assertThat(evaluated.at("/state").asText()).isEqualTo("EVALUATED");
        assertThat(county.post(evaluation, "{\"score\":80}").status()).isEqualTo(409);
        assertThat(announced).anySatisfy(p -> {
            assertThat(p.projectId()).isEqualTo(key);
            assertThat(p.orgId()).isEqualTo(facts.ownBranchId());
            assertThat(p.completed()).isTrue();
            assertThat(p.score()).isEqualByComparingTo("92.5");
        });
        assertThat(projects.results(YEAR, facts.ownBranchPath())).anySatisfy(p -> assertThat(p.projectId()).isEqualTo(key));

        // boards: the county sees every row, the township its own, the secretary its branch's
        JsonNode countyBoard = county.get("/api/v1/projects/" + basic).json();
        JsonNode townshipBoard = township.get("/api/v1/projects/" + basic).json();
        JsonNode own = secretary.get("/api/v1/projects/" + basic).json();
        assertThat(countyBoard.get("rows").size()).isGreaterThan(townshipBoard.get("rows").size());
        assertThat(townshipBoard.toString()).doesNotContain(facts.foreignBranchName());
        assertThat(own.get("rows").size()).isEqualTo(1);
        JsonNode keyBoard = county.get("/api/v1/projects/" + key).json();
        assertThat(keyBoard.at("/project/completed").asLong()).isEqualTo(1);
        assertThat(keyBoard.at("/project/averageScore").decimalValue()).isEqualByComparingTo("92.5");
        JsonNode orgBoard = township.get("/api/v1/projects/orgs/" + facts.ownBranchId() + "?year=" + YEAR).json();
        assertThat(orgBoard.get("completed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(orgBoard.get("totalScore").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("92.5"));
        assertThat(secretary.get("/api/v1/projects/orgs/" + facts.foreignBranchId()).status()).isEqualTo(404);

        // the half-year dispatch: named fields, then visible to the subtree
        Api.Response noNotes = county.post("/api/v1/projects/dispatches", "{\"year\":" + YEAR + ",\"heldOn\":\"" + TODAY + "\"}");
        assertThat(noNotes.status()).isEqualTo(400);
        assertThat(noNotes.body()).contains("notes");
        assertThat(county.post("/api/v1/projects/dispatches", "{\"year\":" + YEAR + ",\"heldOn\":\"" + TODAY.plusDays(3)
                + "\",\"notes\":\"x\"}").body()).contains("heldOn");
        Api.Response dispatch = county.post("/api/v1/projects/dispatches", "{\"year\":" + YEAR + ",\"heldOn\":\"" + TODAY
                + "\",\"notes\":\"半年调度：" + suffix + "\"}");
        assertThat(dispatch.status()).as(dispatch.body()).isEqualTo(201);
        assertThat(secretary.get("/api/v1/projects?year=" + YEAR).body()).contains("半年调度：" + suffix);

        // pages render for both sides; every write audited
        assertThat(as("auditor").get("/api/v1/audit?action=command.project.evaluate&size=5").body())
                .contains("command.project.evaluate");
        assertThat(as("auditor").get("/api/v1/audit?action=command.project.evidence&size=5").body()).contains("走访.png");
    }

    private static long created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private static List<Long> ids(JsonNode array) {
        return ids(array, "id");
    }

    private static List<Long> ids(JsonNode array, String field) {
        List<Long> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asLong()));
        return out;
    }

    private static JsonNode project(JsonNode book, long id) {
        for (JsonNode p : book.get("projects")) {
            if (p.get("id").asLong() == id) {
                return p;
            }
        }
        throw new AssertionError("no project " + id);
    }
}
