package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scope probes of the task endpoints: a task the county sent to the foreign branch is invisible (404) to the
 * township staff and the secretary; a task the township sent to the secretary's branch works for both (200).
 */
public class CommandScopeProbes implements ScopeProbeSet {
    private static Long foreignTask;
    private static Long foreignNotice;

    /** A notice the county sent to the foreign branch. */
    static synchronized long foreignNotice(ScopeContext t) {
        if (foreignNotice == null) {
            Api.Response r = t.as("county").post("/api/v1/notices", "{\"title\":\"范围测试通知\",\"body\":\"x\","
                    + "\"audience\":\"ORGS\",\"targets\":{\"orgIds\":[" + t.facts().foreignBranchId() + "]}}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            foreignNotice = r.at("/id").asLong();
        }
        return foreignNotice;
    }

    /** A fresh notice the township sent to the secretary's branch. */
    static long ownNotice(ScopeContext t) {
        Api.Response r = t.township().post("/api/v1/notices", "{\"title\":\"范围测试通知\",\"body\":\"x\","
                + "\"audience\":\"ORGS\",\"targets\":{\"orgIds\":[" + t.facts().ownBranchId() + "]}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private static String body(long orgId) {
        return "{\"title\":\"范围测试任务\",\"content\":\"请反馈\",\"dueOn\":\""
                + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5) + "\",\"targets\":{\"orgIds\":[" + orgId + "]}}";
    }

    /** A task the county sent to the foreign branch (outside the township and the secretary's branch). */
    static synchronized long foreignTask(ScopeContext t) {
        if (foreignTask == null) {
            Api.Response r = t.as("county").post("/api/v1/tasks", body(t.facts().foreignBranchId()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            foreignTask = r.at("/id").asLong();
        }
        return foreignTask;
    }

    /** A fresh task the township sent to the secretary's branch. */
    static long ownTask(ScopeContext t) {
        Api.Response r = t.township().post("/api/v1/tasks", body(t.facts().ownBranchId()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
    }


    private static Long foreignRound;

    private static int lastYear() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
    }

    /** A 述职评议 round the county opened for the foreign branch (outside the township and the secretary's branch). */
    static synchronized long foreignRound(ScopeContext t) {
        if (foreignRound == null) {
            Api.Response r = t.as("county").post("/api/v1/debriefs", "{\"year\":" + lastYear()
                    + ",\"targets\":{\"orgIds\":[" + t.facts().foreignBranchId() + "]}}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            foreignRound = r.at("/id").asLong();
        }
        return foreignRound;
    }

    /** A fresh round the township opened for the secretary's branch. */
    static long ownRound(ScopeContext t) {
        Api.Response r = t.township().post("/api/v1/debriefs", "{\"year\":" + lastYear()
                + ",\"targets\":{\"orgIds\":[" + t.facts().ownBranchId() + "]}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    /** A fresh round of the township in which the secretary has filed the report. */
    static long ownFiledRound(ScopeContext t) {
        long id = ownRound(t);
        ok(t.secretary().post("/api/v1/debriefs/" + id + "/reports", "{\"text\":\"述职报告\"}"));
        return id;
    }

    private static final String GRADE = "{\"evaluator\":\"张书记\",\"kind\":\"LEADER\",\"grade\":\"GOOD\"}";

    private static void debriefProbes(Map<String, Consumer<ScopeContext>> p) {
        p.put("GET /api/v1/debriefs", t -> {
            long foreign = foreignRound(t);
            long own = ownRound(t);
            t.api404("GET", "/api/v1/debriefs?orgId=" + t.facts().foreignBranchId());
            t.township404("GET", "/api/v1/debriefs?orgId=" + t.facts().foreignBranchId(), null);
            Api.Response r = t.township().get("/api/v1/debriefs");
            ok(r);
            assertThat(r.body()).doesNotContain("\"id\":" + foreign + ",").contains("\"id\":" + own + ",")
                    .doesNotContain(t.facts().foreignBranchName());
            Api.Response mine = t.secretary().get("/api/v1/debriefs?orgId=" + t.facts().ownBranchId());
            ok(mine);
            assertThat(mine.body()).contains("\"roundId\":" + own + ",").doesNotContain("\"roundId\":" + foreign + ",");
        });
        p.put("POST /api/v1/debriefs", t -> {
            Api.Response r = t.township().post("/api/v1/debriefs", "{\"year\":" + lastYear()
                    + ",\"targets\":{\"orgIds\":[" + t.facts().foreignBranchId() + "]}}");
            assertThat(r.status()).isEqualTo(400); // a body id outside the subtree: named field, nothing opened
            assertThat(r.body()).contains("targets.orgIds").doesNotContain(t.facts().foreignBranchName());
            ownRound(t);
        });
        p.put("GET /api/v1/debriefs/{id}", t -> {
            t.township404("GET", "/api/v1/debriefs/" + foreignRound(t), null);
            ok(t.township().get("/api/v1/debriefs/" + ownRound(t)));
        });
        p.put("POST /api/v1/debriefs/{id}/reports", t -> {
            t.api404("POST", "/api/v1/debriefs/" + foreignRound(t) + "/reports", "{\"text\":\"x\"}");
            ok(t.secretary().post("/api/v1/debriefs/" + ownRound(t) + "/reports", "{\"text\":\"述职报告\"}"));
        });
        p.put("POST /api/v1/debriefs/{id}/reports/{orgId}/grades", t -> {
            t.township404("POST", "/api/v1/debriefs/" + foreignRound(t) + "/reports/" + t.facts().foreignBranchId()
                    + "/grades", GRADE);
            long own = ownFiledRound(t);
            t.township404("POST", "/api/v1/debriefs/" + own + "/reports/" + t.facts().foreignBranchId() + "/grades", GRADE);
            ok(t.township().post("/api/v1/debriefs/" + own + "/reports/" + t.facts().ownBranchId() + "/grades", GRADE));
        });
        p.put("POST /api/v1/debriefs/{id}/publish", t -> {
            t.township404("POST", "/api/v1/debriefs/" + foreignRound(t) + "/publish", "{}");
            ok(t.township().post("/api/v1/debriefs/" + ownFiledRound(t) + "/publish", "{}"));
        });
        // --- pages
        p.put("GET /debriefs", t -> {
            long foreign = foreignRound(t);
            long own = ownRound(t);
            WebSession.Page r = t.townshipWeb().get("/debriefs");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("/debriefs/" + foreign + "\"").contains("/debriefs/" + own + "\"");
            t.page404(t.secretaryWeb().get("/debriefs?orgId=" + t.facts().foreignBranchId()));
            assertThat(t.secretaryWeb().get("/debriefs?orgId=" + t.facts().ownBranchId()).status()).isEqualTo(200);
        });
        p.put("POST /debriefs", t -> {
            assertThat(t.secretaryWeb().post("/debriefs", Map.of("year", String.valueOf(lastYear()))).status()).isEqualTo(403);
            WebSession.Page bad = t.townshipWeb().post("/debriefs", Map.of("year", "1999"));
            assertThat(bad.status()).isEqualTo(200); // the form again, naming the year
            assertThat(t.townshipWeb().post("/debriefs", Map.of("year", String.valueOf(lastYear()), "mode", "ALL")).status())
                    .isEqualTo(302);
        });
        p.put("GET /debriefs/{id}", t -> {
            t.page404(t.townshipWeb().get("/debriefs/" + foreignRound(t)));
            assertThat(t.townshipWeb().get("/debriefs/" + ownFiledRound(t)).status()).isEqualTo(200);
        });
        p.put("POST /debriefs/{id}/reports/{orgId}/grades", t -> {
            Map<String, String> form = Map.of("evaluator", "张书记", "kind", "LEADER", "grade", "GOOD");
            t.page404(t.townshipWeb().post("/debriefs/" + foreignRound(t) + "/reports/" + t.facts().foreignBranchId()
                    + "/grades", form));
            long own = ownFiledRound(t);
            assertThat(t.townshipWeb().post("/debriefs/" + own + "/reports/" + t.facts().ownBranchId() + "/grades", form)
                    .status()).isEqualTo(302);
        });
        p.put("POST /debriefs/{id}/publish", t -> {
            t.page404(t.townshipWeb().post("/debriefs/" + foreignRound(t) + "/publish", Map.of()));
            assertThat(t.townshipWeb().post("/debriefs/" + ownFiledRound(t) + "/publish", Map.of()).status()).isEqualTo(302);
        });
        p.put("GET /debriefs/{id}/report", t -> {
            t.page404(t.secretaryWeb().get("/debriefs/" + foreignRound(t) + "/report"));
            assertThat(t.secretaryWeb().get("/debriefs/" + ownRound(t) + "/report").status()).isEqualTo(200);
        });
        p.put("POST /debriefs/{id}/report", t -> {
            t.page404(t.secretaryWeb().post("/debriefs/" + foreignRound(t) + "/report", Map.of("text", "x")));
            assertThat(t.secretaryWeb().post("/debriefs/" + ownRound(t) + "/report", Map.of("text", "述职报告")).status())
                    .isEqualTo(302);
        });
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        debriefProbes(p);
        p.put("POST /api/v1/tasks", t -> {
            Api.Response r = t.township().post("/api/v1/tasks", body(t.facts().foreignBranchId()));
            assertThat(r.status()).isEqualTo(400); // a body id outside the subtree: named field, no existence leak
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
            ownTask(t);
        });
        p.put("GET /api/v1/tasks", t -> {
            long foreign = foreignTask(t);
            long own = ownTask(t);
            Api.Response r = t.township().get("/api/v1/tasks?size=200");
            ok(r);
            assertThat(r.body()).doesNotContain("\"id\":" + foreign + ",").contains("\"id\":" + own + ",");
        });
        p.put("GET /api/v1/tasks/inbox", t -> {
            long foreign = foreignTask(t);
            long own = ownTask(t);
            Api.Response r = t.secretary().get("/api/v1/tasks/inbox");
            ok(r);
            assertThat(r.body()).doesNotContain("\"taskId\":" + foreign + ",").contains("\"taskId\":" + own + ",")
                    .doesNotContain(t.facts().foreignBranchName());
        });
        p.put("GET /api/v1/tasks/{id}", t -> {
            t.township404("GET", "/api/v1/tasks/" + foreignTask(t), null);
            ok(t.township().get("/api/v1/tasks/" + ownTask(t)));
        });
        p.put("GET /api/v1/tasks/{id}/progress", t -> {
            t.township404("GET", "/api/v1/tasks/" + foreignTask(t) + "/progress", null);
            t.township404("GET", "/api/v1/tasks/" + ownTask(t) + "/progress?orgId=" + t.facts().foreignBranchId(), null);
            ok(t.township().get("/api/v1/tasks/" + ownTask(t) + "/progress"));
        });
        p.put("POST /api/v1/tasks/{id}/receipt", t -> {
            t.api404("POST", "/api/v1/tasks/" + foreignTask(t) + "/receipt", "{}");
            ok(t.secretary().post("/api/v1/tasks/" + ownTask(t) + "/receipt", "{}"));
        });
        p.put("POST /api/v1/tasks/{id}/feedback", t -> {
            t.api404("POST", "/api/v1/tasks/" + foreignTask(t) + "/feedback", "{\"text\":\"x\"}");
            long own = ownTask(t);
            ok(t.secretary().post("/api/v1/tasks/" + own + "/receipt", "{}"));
            ok(t.secretary().post("/api/v1/tasks/" + own + "/feedback", "{\"text\":\"已完成\"}"));
        });
        p.put("POST /api/v1/tasks/{id}/feedback/{orgId}/review", t -> {
            t.township404("POST", "/api/v1/tasks/" + foreignTask(t) + "/feedback/" + t.facts().foreignBranchId()
                    + "/review", "{\"decision\":\"ACCEPT\"}");
            long own = ownTask(t);
            t.township404("POST", "/api/v1/tasks/" + own + "/feedback/" + t.facts().foreignBranchId() + "/review",
                    "{\"decision\":\"ACCEPT\"}");
            ok(t.secretary().post("/api/v1/tasks/" + own + "/receipt", "{}"));
            ok(t.secretary().post("/api/v1/tasks/" + own + "/feedback", "{\"text\":\"已完成\"}"));
            ok(t.township().post("/api/v1/tasks/" + own + "/feedback/" + t.facts().ownBranchId() + "/review",
                    "{\"decision\":\"ACCEPT\"}"));
        });
        p.put("POST /api/v1/tasks/{id}/relay", t -> {
            t.township404("POST", "/api/v1/tasks/" + foreignTask(t) + "/relay", body(t.facts().ownBranchId()));
            Api.Response sent = t.as("county").post("/api/v1/tasks", body(t.facts().townshipId()));
            ok(sent);
            long task = sent.at("/id").asLong();
            ok(t.township().post("/api/v1/tasks/" + task + "/receipt", "{}"));
            ok(t.township().post("/api/v1/tasks/" + task + "/relay", body(t.facts().ownBranchId())));
        });
        p.put("POST /api/v1/notices", t -> {
            Api.Response r = t.township().post("/api/v1/notices", "{\"title\":\"t\",\"body\":\"x\",\"audience\":\"MEMBERS\","
                    + "\"rootOrgId\":" + t.facts().foreignBranchId() + "}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
            ownNotice(t);
        });
        p.put("GET /api/v1/notices", t -> {
            long foreign = foreignNotice(t);
            long own = ownNotice(t);
            Api.Response r = t.secretary().get("/api/v1/notices");
            ok(r);
            assertThat(r.body()).doesNotContain("\"id\":" + foreign + ",").contains("\"id\":" + own + ",");
        });
        p.put("GET /api/v1/notices/sent", t -> {
            long foreign = foreignNotice(t);
            long own = ownNotice(t);
            Api.Response r = t.township().get("/api/v1/notices/sent?size=200");
            ok(r);
            assertThat(r.body()).doesNotContain("\"id\":" + foreign + ",").contains("\"id\":" + own + ",");
        });
        p.put("GET /api/v1/notices/{id}", t -> {
            t.api404("GET", "/api/v1/notices/" + foreignNotice(t));
            t.township404("GET", "/api/v1/notices/" + foreignNotice(t), null);
            ok(t.secretary().get("/api/v1/notices/" + ownNotice(t)));
        });
        p.put("GET /api/v1/notices/{id}/receipts", t -> {
            t.township404("GET", "/api/v1/notices/" + foreignNotice(t) + "/receipts", null);
            t.township404("GET", "/api/v1/notices/" + ownNotice(t) + "/receipts?orgId=" + t.facts().foreignBranchId(), null);
            ok(t.township().get("/api/v1/notices/" + ownNotice(t) + "/receipts"));
        });
        p.put("POST /api/v1/bulletins/issued", t -> {
            Api.Response r = t.township().post("/api/v1/bulletins/issued", "{\"orgId\":" + t.facts().foreignTownshipId()
                    + ",\"period\":\"2026-01\"}");
            assertThat(r.status()).isEqualTo(400); // a body id outside the scope: named field, nothing issued
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
            Api.Response own = t.township().post("/api/v1/bulletins/issued", "{\"period\":\"2025-" + (10 + (int) (System.nanoTime() % 3)) + "\"}");
            assertThat(own.status()).as(own.body()).isIn(201, 409);
        });
        p.put("GET /api/v1/bulletins/issued", t -> {
            Api.Response r = t.township().get("/api/v1/bulletins/issued");
            ok(r);
            for (var b : r.json()) {
                assertThat(b.get("orgId").asLong()).isNotEqualTo(t.facts().foreignTownshipId());
            }
        });
        p.put("GET /tasks/bulletins", t -> {
            WebSession.Page r = t.townshipWeb().get("/tasks/bulletins");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
            assertThat(t.secretaryWeb().get("/tasks/bulletins").status()).isEqualTo(403);
        });
        p.put("POST /tasks/bulletins", t -> {
            assertThat(t.secretaryWeb().post("/tasks/bulletins", Map.of("period", "2025-09")).status()).isEqualTo(403);
            assertThat(t.townshipWeb().post("/tasks/bulletins", Map.of("period", "2025-09")).status()).isIn(200, 302);
        });
        // --- pages
        p.put("GET /notices", t -> {
            long foreign = foreignNotice(t);
            long own = ownNotice(t);
            WebSession.Page r = t.secretaryWeb().get("/notices");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("/notices/" + foreign + "\"").contains("/notices/" + own + "\"");
        });
        p.put("GET /notices/sent", t -> {
            long foreign = foreignNotice(t);
            WebSession.Page r = t.townshipWeb().get("/notices/sent");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("/notices/" + foreign + "/receipts\"");
        });
        p.put("GET /notices/new", t -> {
            assertThat(t.townshipWeb().get("/notices/new").status()).isEqualTo(200);
            assertThat(t.as("member").get("/api/v1/notices/sent").status()).isEqualTo(403);
        });
        p.put("POST /notices", t -> {
            WebSession.Page bad = t.townshipWeb().post("/notices", Map.of("title", "t", "body", "x", "audience", "MEMBERS",
                    "rootOrgId", String.valueOf(t.facts().foreignBranchId())));
            assertThat(bad.status()).isEqualTo(200);
            assertThat(bad.body()).doesNotContain(t.facts().foreignBranchName());
            assertThat(t.townshipWeb().post("/notices", Map.of("title", "t", "body", "x", "audience", "MEMBERS",
                    "rootOrgId", String.valueOf(t.facts().ownBranchId()))).status()).isEqualTo(302);
        });
        p.put("GET /notices/{id}", t -> {
            t.page404(t.secretaryWeb().get("/notices/" + foreignNotice(t)));
            assertThat(t.secretaryWeb().get("/notices/" + ownNotice(t)).status()).isEqualTo(200);
        });
        p.put("GET /notices/{id}/receipts", t -> {
            t.page404(t.townshipWeb().get("/notices/" + foreignNotice(t) + "/receipts"));
            assertThat(t.townshipWeb().get("/notices/" + ownNotice(t) + "/receipts").status()).isEqualTo(200);
        });
        // --- pages
        p.put("GET /tasks", t -> {
            long foreign = foreignTask(t);
            long own = ownTask(t);
            WebSession.Page r = t.townshipWeb().get("/tasks");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("/tasks/" + foreign + "\"").contains("/tasks/" + own + "\"");
            assertThat(t.secretaryWeb().get("/tasks").status()).isEqualTo(403);
        });
        p.put("GET /tasks/new", t -> {
            assertThat(t.townshipWeb().get("/tasks/new").status()).isEqualTo(200);
            assertThat(t.secretaryWeb().get("/tasks/new").status()).isEqualTo(403);
        });
        p.put("POST /tasks", t -> {
            WebSession.Page bad = t.townshipWeb().post("/tasks", form(t.facts().foreignBranchId()));
            assertThat(bad.status()).isEqualTo(200); // the form again, naming the receivers
            assertThat(bad.body()).contains("targets-error").doesNotContain(t.facts().foreignBranchName());
            assertThat(t.townshipWeb().post("/tasks", form(t.facts().ownBranchId())).status()).isEqualTo(302);
        });
        p.put("GET /tasks/{id}", t -> {
            t.page404(t.townshipWeb().get("/tasks/" + foreignTask(t)));
            assertThat(t.townshipWeb().get("/tasks/" + ownTask(t)).status()).isEqualTo(200);
        });
        p.put("POST /tasks/{id}/feedback/{orgId}/review", t -> {
            t.page404(t.townshipWeb().post("/tasks/" + foreignTask(t) + "/feedback/" + t.facts().foreignBranchId()
                    + "/review", Map.of("decision", "ACCEPT")));
            long own = ownTask(t);
            ok(t.secretary().post("/api/v1/tasks/" + own + "/receipt", "{}"));
            ok(t.secretary().post("/api/v1/tasks/" + own + "/feedback", "{\"text\":\"已完成\"}"));
            assertThat(t.townshipWeb().post("/tasks/" + own + "/feedback/" + t.facts().ownBranchId() + "/review",
                    Map.of("decision", "ACCEPT")).status()).isEqualTo(302);
        });
        p.put("GET /tasks/inbox", t -> {
            long foreign = foreignTask(t);
            long own = ownTask(t);
            WebSession.Page r = t.secretaryWeb().get("/tasks/inbox");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("/tasks/inbox/" + foreign + "\"").contains("/tasks/inbox/" + own + "\"");
        });
        p.put("GET /tasks/inbox/{id}", t -> {
            t.page404(t.secretaryWeb().get("/tasks/inbox/" + foreignTask(t)));
            assertThat(t.secretaryWeb().get("/tasks/inbox/" + ownTask(t)).status()).isEqualTo(200);
        });
        p.put("POST /tasks/{id}/receipt", t -> {
            t.page404(t.secretaryWeb().post("/tasks/" + foreignTask(t) + "/receipt", Map.of()));
            assertThat(t.secretaryWeb().post("/tasks/" + ownTask(t) + "/receipt", Map.of()).status()).isEqualTo(302);
        });
        p.put("POST /tasks/{id}/feedback", t -> {
            t.page404(t.secretaryWeb().post("/tasks/" + foreignTask(t) + "/feedback", Map.of("text", "x")));
            long own = ownTask(t);
            ok(t.secretary().post("/api/v1/tasks/" + own + "/receipt", "{}"));
            assertThat(t.secretaryWeb().post("/tasks/" + own + "/feedback", Map.of("text", "已完成")).status()).isEqualTo(302);
        });
        p.put("POST /tasks/{id}/relay", t -> {
            t.page404(t.townshipWeb().post("/tasks/" + foreignTask(t) + "/relay", form(t.facts().ownBranchId())));
            Api.Response sent = t.as("county").post("/api/v1/tasks", body(t.facts().townshipId()));
            ok(sent);
            long task = sent.at("/id").asLong();
            ok(t.township().post("/api/v1/tasks/" + task + "/receipt", "{}"));
            assertThat(t.townshipWeb().post("/tasks/" + task + "/relay", form(t.facts().ownBranchId())).status())
                    .isEqualTo(302);
        });
        return p;
    }

    private static Map<String, String> form(long orgId) {
        return Map.of("title", "范围测试任务", "content", "请反馈", "dueOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString(), "mode", "PICK", "pick1", String.valueOf(orgId));
    }
}
