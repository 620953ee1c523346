package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.TestFiles;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scope probes of the project book (项目书), the weekly dispatch (周调度), on-site observation (观摩) and task
 * attachments, as a table: each row names the
 * endpoint, who calls it, the path that must answer 404 without leaking the foreign branch (a project the county
 * assigned to the foreign branch only, an item of the county's meeting, or the foreign branch itself) and the path
 * that must work (a fresh project or item of the township, brought to the state the call needs). The lists and the
 * creating calls, which do not fit the table, follow it.
 */
public class CommandTableScopeProbes implements ScopeProbeSet {
    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static Long foreignProject;

    private enum Who { SECRETARY, TOWNSHIP }

    /** One probed endpoint: the 404 path (foreign) and the working path (own, set up as needed). */
    private record Row(String key, Who who, String method, Function<ScopeContext, String> foreign,
                       Function<ScopeContext, String> own, String body, int ownStatus) {
    }

    private static String json(String code, String kind, String targets) {
        return "{\"year\":" + YEAR + ",\"code\":\"" + code + "\",\"kind\":\"" + kind + "\",\"title\":\"范围测试项目\","
                + "\"goal\":\"目标\",\"department\":\"组织部\"" + targets + "}";
    }

    private static String code() {
        return "P" + (System.nanoTime() % 1_000_000) + "-" + SEQ.incrementAndGet();
    }

    private static long created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    /** A key project the county assigned to the foreign branch only: invisible to the township and the secretary. */
    static synchronized long foreign(ScopeContext t) {
        if (foreignProject == null) {
            foreignProject = created(t.as("county").post("/api/v1/projects", json(code(), "KEY",
                    ",\"targets\":{\"orgIds\":[" + t.facts().foreignBranchId() + "]}")));
        }
        return foreignProject;
    }

    /** A fresh key project of the township for the secretary's branch. */
    static long own(ScopeContext t) {
        return created(t.township().post("/api/v1/projects", json(code(), "KEY",
                ",\"targets\":{\"orgIds\":[" + t.facts().ownBranchId() + "]}")));
    }

    private static final String PLAN = "{\"leader\":\"王书记\",\"measures\":\"措施\",\"deadline\":\"" + YEAR + "-12-31\"}";

    /** A fresh own project the secretary has planned. */
    static long planned(ScopeContext t) {
        long id = own(t);
        assertThat(t.secretary().post("/api/v1/projects/" + id + "/plan", PLAN).status()).isEqualTo(200);
        return id;
    }

    /** A fresh own project with a first-quarter report. */
    static long reported(ScopeContext t) {
        long id = planned(t);
        assertThat(t.secretary().post("/api/v1/projects/" + id + "/reports", "{\"quarter\":1,\"progress\":\"进展\"}")
                .status()).isEqualTo(200);
        return id;
    }

    private static String foreignRow(ScopeContext t, String tail) {
        return "/projects/" + foreign(t) + "/orgs/" + t.facts().foreignBranchId() + tail;
    }

    private static String ownRow(ScopeContext t, long id, String tail) {
        return "/projects/" + id + "/orgs/" + t.facts().ownBranchId() + tail;
    }

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    private static Long foreignItem;

    private static String item(String extra) {
        return "{\"title\":\"范围测试事项\",\"ownerName\":\"张三\",\"dueOn\":\"" + TODAY + "\"" + extra + "}";
    }

    /** An item of the county's dispatch meeting: outside the township's scope. */
    static synchronized long foreignItem(ScopeContext t) {
        if (foreignItem == null) {
            foreignItem = created(t.as("county").post("/api/v1/dispatch/items", item("")));
        }
        return foreignItem;
    }

    /** A fresh item of the township's dispatch meeting. */
    static long ownItem(ScopeContext t) {
        return created(t.township().post("/api/v1/dispatch/items", item("")));
    }

    private static Long foreignVisit;
    private static final String TEMPLATE = "{\"name\":\"观摩评分表\",\"items\":[{\"label\":\"阵地建设\",\"maxPoints\":10}]}";

    private static String visit(long templateId, long branchId) {
        return "{\"title\":\"范围测试观摩\",\"visitOn\":\"" + TODAY + "\",\"observers\":\"县委组织部\",\"templateId\":"
                + templateId + ",\"branchIds\":[" + branchId + "]}";
    }

    /** A visit the county planned to the foreign branch only. */
    static synchronized long foreignVisit(ScopeContext t) {
        if (foreignVisit == null) {
            Api county = t.as("county");
            long template = created(county.post("/api/v1/observations/templates", TEMPLATE));
            foreignVisit = created(county.post("/api/v1/observations", visit(template, t.facts().foreignBranchId())));
        }
        return foreignVisit;
    }

    /** A fresh visit the township planned to the secretary's branch (with its own template). */
    static long ownVisit(ScopeContext t) {
        long template = created(t.township().post("/api/v1/observations/templates", TEMPLATE));
        return created(t.township().post("/api/v1/observations", visit(template, t.facts().ownBranchId())));
    }

    private static String foreignSheet(ScopeContext t, String tail) {
        return "/observations/" + foreignVisit(t) + "/sheets/" + t.facts().foreignBranchId() + tail;
    }

    private static String ownSheet(ScopeContext t, long id, String tail) {
        return "/observations/" + id + "/sheets/" + t.facts().ownBranchId() + tail;
    }

    private static Long foreignTaskFile;

    /** A file the county attached to its task for the foreign branch. */
    static synchronized long foreignTaskFile(ScopeContext t) {
        if (foreignTaskFile == null) {
            foreignTaskFile = created(t.as("county").multipart("/api/v1/tasks/" + CommandScopeProbes.foreignTask(t)
                    + "/files", "a.png", TestFiles.png()));
        }
        return foreignTaskFile;
    }

    private static final List<Row> API = List.of(
            new Row("GET /api/v1/tasks/{id}/files", Who.SECRETARY, "GET",
                    t -> "/api/v1/tasks/" + CommandScopeProbes.foreignTask(t) + "/files",
                    t -> "/api/v1/tasks/" + CommandScopeProbes.ownTask(t) + "/files", null, 200),
            new Row("GET /api/v1/tasks/{id}/files/{fileId}", Who.SECRETARY, "GET",
                    t -> "/api/v1/tasks/" + CommandScopeProbes.foreignTask(t) + "/files/" + foreignTaskFile(t), t -> {
                        long task = CommandScopeProbes.ownTask(t);
                        long file = created(t.township().multipart("/api/v1/tasks/" + task + "/files", "a.png", TestFiles.png()));
                        return "/api/v1/tasks/" + task + "/files/" + file;
                    }, null, 200),
            new Row("GET /api/v1/observations/{id}", Who.TOWNSHIP, "GET",
                    t -> "/api/v1/observations/" + foreignVisit(t), t -> "/api/v1/observations/" + ownVisit(t), null, 200),
            new Row("POST /api/v1/observations/{id}/sheets/{orgId}", Who.TOWNSHIP, "POST",
                    t -> "/api/v1" + foreignSheet(t, ""), t -> "/api/v1" + ownSheet(t, ownVisit(t), ""),
                    "{\"points\":[8],\"comment\":\"好\"}", 200),
            new Row("POST /api/v1/observations/{id}/publish", Who.TOWNSHIP, "POST",
                    t -> "/api/v1/observations/" + foreignVisit(t) + "/publish",
                    t -> "/api/v1/observations/" + ownVisit(t) + "/publish", "{}", 200),
            new Row("GET /api/v1/observations/{id}/sheets/{orgId}/photo", Who.TOWNSHIP, "GET",
                    t -> "/api/v1" + foreignSheet(t, "/photo"), t -> {
                        long id = ownVisit(t);
                        assertThat(t.township().multipart("/api/v1" + ownSheet(t, id, "/photo"), "a.png", TestFiles.png())
                                .status()).isEqualTo(200);
                        return "/api/v1" + ownSheet(t, id, "/photo");
                    }, null, 200),
            new Row("GET /api/v1/dispatch", Who.TOWNSHIP, "GET",
                    t -> "/api/v1/dispatch?orgId=" + t.facts().foreignBranchId(),
                    t -> "/api/v1/dispatch?orgId=" + t.facts().townshipId(), null, 200),
            new Row("GET /api/v1/dispatch/export", Who.TOWNSHIP, "GET",
                    t -> "/api/v1/dispatch/export?format=csv&orgId=" + t.facts().foreignBranchId(),
                    t -> "/api/v1/dispatch/export?format=csv&orgId=" + t.facts().ownBranchId(), null, 200),
            new Row("POST /api/v1/dispatch/items/{id}/status", Who.TOWNSHIP, "POST",
                    t -> "/api/v1/dispatch/items/" + foreignItem(t) + "/status",
                    t -> "/api/v1/dispatch/items/" + ownItem(t) + "/status", "{\"status\":\"DONE\"}", 200),
            new Row("GET /api/v1/projects/{id}", Who.TOWNSHIP, "GET",
                    t -> "/api/v1/projects/" + foreign(t), t -> "/api/v1/projects/" + own(t), null, 200),
            new Row("POST /api/v1/projects/{id}/plan", Who.SECRETARY, "POST",
                    t -> "/api/v1/projects/" + foreign(t) + "/plan", t -> "/api/v1/projects/" + own(t) + "/plan", PLAN, 200),
            new Row("POST /api/v1/projects/{id}/withdraw", Who.SECRETARY, "POST",
                    t -> "/api/v1/projects/" + foreign(t) + "/withdraw", t -> {
                        long id = created(t.township().post("/api/v1/projects", json(code(), "INNOVATION", "")));
                        assertThat(t.secretary().post("/api/v1/projects/" + id + "/plan", PLAN).status()).isEqualTo(200);
                        return "/api/v1/projects/" + id + "/withdraw";
                    }, "{}", 200),
            new Row("POST /api/v1/projects/{id}/reports", Who.SECRETARY, "POST",
                    t -> "/api/v1/projects/" + foreign(t) + "/reports", t -> "/api/v1/projects/" + planned(t) + "/reports",
                    "{\"quarter\":1,\"progress\":\"进展\"}", 200),
            new Row("POST /api/v1/projects/{id}/orgs/{orgId}/evaluation", Who.TOWNSHIP, "POST",
                    t -> "/api/v1" + foreignRow(t, "/evaluation"), t -> "/api/v1" + ownRow(t, own(t), "/evaluation"),
                    "{\"score\":88}", 200),
            new Row("GET /api/v1/projects/orgs/{orgId}", Who.SECRETARY, "GET",
                    t -> "/api/v1/projects/orgs/" + t.facts().foreignBranchId(),
                    t -> "/api/v1/projects/orgs/" + t.facts().ownBranchId(), null, 200),
            new Row("GET /api/v1/projects/{id}/orgs/{orgId}/reports/{quarter}/evidence", Who.SECRETARY, "GET",
                    t -> "/api/v1" + foreignRow(t, "/reports/1/evidence"), t -> {
                        long id = reported(t);
                        assertThat(t.secretary().multipart("/api/v1/projects/" + id + "/reports/1/evidence", "a.png",
                                TestFiles.png()).status()).isEqualTo(200);
                        return "/api/v1" + ownRow(t, id, "/reports/1/evidence");
                    }, null, 200));

    private static final List<Row> PAGES = List.of(
            new Row("POST /tasks/{id}/files", Who.TOWNSHIP, "POST",
                    t -> "/tasks/" + CommandScopeProbes.foreignTask(t) + "/files",
                    t -> "/tasks/" + CommandScopeProbes.ownTask(t) + "/files", "none", 302),
            new Row("POST /tasks/inbox/{id}/files", Who.SECRETARY, "POST",
                    t -> "/tasks/inbox/" + CommandScopeProbes.foreignTask(t) + "/files", t -> {
                        long task = CommandScopeProbes.ownTask(t);
                        assertThat(t.secretary().post("/api/v1/tasks/" + task + "/receipt", "{}").status()).isEqualTo(200);
                        return "/tasks/inbox/" + task + "/files";
                    }, "none", 302),
            new Row("GET /observations/{id}", Who.TOWNSHIP, "GET",
                    t -> "/observations/" + foreignVisit(t), t -> "/observations/" + ownVisit(t), null, 200),
            new Row("POST /observations/{id}/sheets/{orgId}", Who.TOWNSHIP, "POST",
                    t -> foreignSheet(t, ""), t -> ownSheet(t, ownVisit(t), ""), "sheet", 302),
            new Row("POST /observations/{id}/publish", Who.TOWNSHIP, "POST",
                    t -> "/observations/" + foreignVisit(t) + "/publish", t -> "/observations/" + ownVisit(t) + "/publish",
                    "none", 302),
            new Row("GET /dispatch", Who.TOWNSHIP, "GET",
                    t -> "/dispatch?orgId=" + t.facts().foreignBranchId(), t -> "/dispatch", null, 200),
            new Row("POST /dispatch/items/{id}/status", Who.TOWNSHIP, "POST",
                    t -> "/dispatch/items/" + foreignItem(t) + "/status", t -> "/dispatch/items/" + ownItem(t) + "/status",
                    "status", 302),
            new Row("GET /projects/{id}", Who.TOWNSHIP, "GET",
                    t -> "/projects/" + foreign(t), t -> "/projects/" + own(t), null, 200),
            new Row("POST /projects/{id}/plan", Who.SECRETARY, "POST",
                    t -> "/projects/" + foreign(t) + "/plan", t -> "/projects/" + own(t) + "/plan", "plan", 302),
            new Row("POST /projects/{id}/reports", Who.SECRETARY, "POST",
                    t -> "/projects/" + foreign(t) + "/reports", t -> "/projects/" + planned(t) + "/reports", "report", 302),
            new Row("POST /projects/{id}/orgs/{orgId}/evaluation", Who.TOWNSHIP, "POST",
                    t -> foreignRow(t, "/evaluation"), t -> ownRow(t, own(t), "/evaluation"), "evaluation", 302),
            new Row("GET /projects/orgs/{orgId}", Who.SECRETARY, "GET",
                    t -> "/projects/orgs/" + t.facts().foreignBranchId(),
                    t -> "/projects/orgs/" + t.facts().ownBranchId(), null, 200));

    private static final Map<String, Map<String, String>> FORMS = Map.of(
            "plan", Map.of("leader", "王书记", "measures", "措施", "deadline", YEAR + "-12-31"),
            "report", Map.of("quarter", "1", "progress", "进展"),
            "evaluation", Map.of("score", "88"),
            "status", Map.of("status", "DONE"),
            "sheet", Map.of("p1", "8", "comment", "好"),
            "none", Map.of());

    private static Consumer<ScopeContext> api(Row r) {
        return t -> {
            Api who = r.who() == Who.TOWNSHIP ? t.township() : t.secretary();
            Api.Response foreign = who.send(r.method(), r.foreign().apply(t), r.body());
            assertThat(foreign.status()).as(r.key() + " foreign").isEqualTo(404);
            assertThat(foreign.body()).doesNotContain(t.facts().foreignBranchName());
            Api.Response own = who.send(r.method(), r.own().apply(t), r.body());
            assertThat(own.status()).as(r.key() + " own: " + own.body()).isEqualTo(r.ownStatus());
        };
    }

    private static Consumer<ScopeContext> page(Row r) {
        return t -> {
            WebSession who = r.who() == Who.TOWNSHIP ? t.townshipWeb() : t.secretaryWeb();
            Map<String, String> form = r.body() == null ? Map.of() : FORMS.get(r.body());
            t.page404("GET".equals(r.method()) ? who.get(r.foreign().apply(t)) : who.post(r.foreign().apply(t), form));
            WebSession.Page own = "GET".equals(r.method()) ? who.get(r.own().apply(t)) : who.post(r.own().apply(t), form);
            assertThat(own.status()).as(r.key() + " own").isEqualTo(r.ownStatus());
        };
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        API.forEach(r -> p.put(r.key(), api(r)));
        PAGES.forEach(r -> p.put(r.key(), page(r)));
        // the lists and the creating calls do not fit the table: what must not show, and bodies naming a foreign id
        p.put("GET /api/v1/projects", t -> {
            long foreign = foreign(t);
            long own = own(t);
            Api.Response r = t.township().get("/api/v1/projects?year=" + YEAR);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
            List<Long> ids = new java.util.ArrayList<>();
            r.json().get("projects").forEach(x -> ids.add(x.get("id").asLong()));
            assertThat(ids).doesNotContain(foreign).contains(own);
            List<Long> mine = new java.util.ArrayList<>();
            t.secretary().get("/api/v1/projects?year=" + YEAR).json().get("projects").forEach(x -> mine.add(x.get("id").asLong()));
            assertThat(mine).doesNotContain(foreign);
        });
        p.put("POST /api/v1/projects", t -> {
            Api.Response r = t.township().post("/api/v1/projects", json(code(), "KEY",
                    ",\"targets\":{\"orgIds\":[" + t.facts().foreignBranchId() + "]}"));
            assertThat(r.status()).isEqualTo(400); // a body id outside the subtree: named field, nothing created
            assertThat(r.body()).contains("targets.orgIds").doesNotContain(t.facts().foreignBranchName());
            assertThat(t.secretary().post("/api/v1/projects", json(code(), "INNOVATION", "")).status()).isEqualTo(403);
            own(t);
        });
        p.put("POST /api/v1/projects/{id}/reports/{quarter}/evidence", t -> {
            Api.Response foreign = t.secretary().multipart("/api/v1/projects/" + foreign(t) + "/reports/1/evidence", "a.png",
                    TestFiles.png());
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.body()).doesNotContain(t.facts().foreignBranchName());
            assertThat(t.secretary().multipart("/api/v1/projects/" + reported(t) + "/reports/1/evidence", "a.png",
                    TestFiles.png()).status()).isEqualTo(200);
        });
        p.put("POST /api/v1/projects/dispatches", t -> {
            String body = "{\"year\":" + YEAR + ",\"heldOn\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai"))
                    + "\",\"notes\":\"调度\"}";
            assertThat(t.secretary().post("/api/v1/projects/dispatches", body).status()).isEqualTo(403);
            assertThat(t.township().post("/api/v1/projects/dispatches", body).status()).isEqualTo(201);
        });
        p.put("GET /projects", t -> {
            long foreign = foreign(t);
            long own = own(t);
            WebSession.Page r = t.townshipWeb().get("/projects");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("/projects/" + foreign + "\"").contains("/projects/" + own + "\"");
            assertThat(t.secretaryWeb().get("/projects").body()).doesNotContain("/projects/" + foreign + "\"");
        });
        p.put("POST /projects", t -> {
            Map<String, String> form = Map.of("year", String.valueOf(YEAR), "code", code(), "kind", "KEY",
                    "title", "t", "goal", "g", "department", "d", "mode", "ALL");
            assertThat(t.secretaryWeb().post("/projects", form).status()).isEqualTo(403);
            WebSession.Page bad = t.townshipWeb().post("/projects", Map.of("year", String.valueOf(YEAR), "kind", "KEY"));
            assertThat(bad.status()).isEqualTo(200); // the form again, naming the fields
            assertThat(t.townshipWeb().post("/projects", form).status()).isEqualTo(302);
        });
        p.put("POST /projects/dispatches", t -> {
            Map<String, String> form = Map.of("year", String.valueOf(YEAR), "heldOn",
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "notes", "调度");
            assertThat(t.secretaryWeb().post("/projects/dispatches", form).status()).isEqualTo(403);
            assertThat(t.townshipWeb().post("/projects/dispatches", form).status()).isEqualTo(302);
        });
        p.put("POST /api/v1/dispatch/items", t -> {
            Api.Response r = t.township().post("/api/v1/dispatch/items", item(",\"ownerOrgId\":" + t.facts().foreignBranchId()));
            assertThat(r.status()).isEqualTo(400); // an owner organization outside the level: named field, nothing raised
            assertThat(r.body()).contains("ownerOrgId").doesNotContain(t.facts().foreignBranchName());
            assertThat(t.secretary().post("/api/v1/dispatch/items", item("")).status()).isEqualTo(403);
            created(t.township().post("/api/v1/dispatch/items", item(",\"ownerOrgId\":" + t.facts().ownBranchId())));
        });
        p.put("POST /dispatch/items", t -> {
            Map<String, String> form = Map.of("title", "事项", "ownerName", "张三", "dueOn", TODAY);
            assertThat(t.secretaryWeb().post("/dispatch/items", form).status()).isEqualTo(403);
            WebSession.Page bad = t.townshipWeb().post("/dispatch/items", Map.of("title", "事项", "ownerName", "张三",
                    "dueOn", TODAY, "ownerOrgId", String.valueOf(t.facts().foreignBranchId())));
            assertThat(bad.status()).isEqualTo(200); // the form again, naming the owner organization
            assertThat(bad.body()).doesNotContain(t.facts().foreignBranchName());
            assertThat(t.townshipWeb().post("/dispatch/items", form).status()).isEqualTo(302);
        });
        p.put("POST /api/v1/tasks/{id}/files", t -> {
            Api.Response foreign = t.township().multipart("/api/v1/tasks/" + CommandScopeProbes.foreignTask(t) + "/files",
                    "a.png", TestFiles.png());
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.body()).doesNotContain(t.facts().foreignBranchName());
            created(t.township().multipart("/api/v1/tasks/" + CommandScopeProbes.ownTask(t) + "/files", "a.png",
                    TestFiles.png()));
        });
        p.put("POST /api/v1/tasks/{id}/feedback/files", t -> {
            Api.Response foreign = t.secretary().multipart("/api/v1/tasks/" + CommandScopeProbes.foreignTask(t)
                    + "/feedback/files", "a.png", TestFiles.png());
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.body()).doesNotContain(t.facts().foreignBranchName());
            long task = CommandScopeProbes.ownTask(t);
            assertThat(t.secretary().post("/api/v1/tasks/" + task + "/receipt", "{}").status()).isEqualTo(200);
            created(t.secretary().multipart("/api/v1/tasks/" + task + "/feedback/files", "a.png", TestFiles.png()));
        });
        p.put("GET /api/v1/observations", t -> {
            long foreign = foreignVisit(t);
            long own = ownVisit(t);
            Api.Response r = t.township().get("/api/v1/observations");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
            List<Long> ids = new java.util.ArrayList<>();
            r.json().get("observations").forEach(o -> ids.add(o.get("id").asLong()));
            assertThat(ids).doesNotContain(foreign).contains(own);
            List<Long> mine = new java.util.ArrayList<>();
            t.secretary().get("/api/v1/observations").json().get("observations").forEach(o -> mine.add(o.get("id").asLong()));
            assertThat(mine).doesNotContain(foreign);
        });
        p.put("POST /api/v1/observations/templates", t -> {
            assertThat(t.secretary().post("/api/v1/observations/templates", TEMPLATE).status()).isEqualTo(403);
            created(t.township().post("/api/v1/observations/templates", TEMPLATE));
        });
        p.put("POST /api/v1/observations", t -> {
            long template = created(t.township().post("/api/v1/observations/templates", TEMPLATE));
            Api.Response r = t.township().post("/api/v1/observations", visit(template, t.facts().foreignBranchId()));
            assertThat(r.status()).isEqualTo(400); // a branch outside the level: named field, nothing planned
            assertThat(r.body()).contains("branchIds").doesNotContain(t.facts().foreignBranchName());
            assertThat(t.secretary().post("/api/v1/observations", visit(template, t.facts().ownBranchId())).status())
                    .isEqualTo(403);
            created(t.township().post("/api/v1/observations", visit(template, t.facts().ownBranchId())));
        });
        p.put("POST /api/v1/observations/{id}/sheets/{orgId}/photo", t -> {
            Api.Response foreign = t.township().multipart("/api/v1" + foreignSheet(t, "/photo"), "a.png", TestFiles.png());
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.body()).doesNotContain(t.facts().foreignBranchName());
            assertThat(t.township().multipart("/api/v1" + ownSheet(t, ownVisit(t), "/photo"), "a.png", TestFiles.png())
                    .status()).isEqualTo(200);
        });
        p.put("GET /observations", t -> {
            long foreign = foreignVisit(t);
            long own = ownVisit(t);
            WebSession.Page r = t.townshipWeb().get("/observations");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("/observations/" + foreign + "\"").contains("/observations/" + own + "\"")
                    .doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /observations/templates", t -> {
            Map<String, String> form = Map.of("name", "评分表", "items", "阵地建设 10\n组织生活 20");
            assertThat(t.secretaryWeb().post("/observations/templates", form).status()).isEqualTo(403);
            assertThat(t.townshipWeb().post("/observations/templates", form).status()).isEqualTo(302);
        });
        p.put("POST /observations", t -> {
            long template = created(t.township().post("/api/v1/observations/templates", TEMPLATE));
            Map<String, String> bad = Map.of("title", "观摩", "visitOn", TODAY, "observers", "县委组织部",
                    "templateId", String.valueOf(template), "branchIds", String.valueOf(t.facts().foreignBranchId()));
            WebSession.Page r = t.townshipWeb().post("/observations", bad);
            assertThat(r.status()).isEqualTo(200); // the form again, naming the branches
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
            Map<String, String> good = new java.util.HashMap<>(bad);
            good.put("branchIds", String.valueOf(t.facts().ownBranchId()));
            assertThat(t.townshipWeb().post("/observations", good).status()).isEqualTo(302);
        });
        return p;
    }
}
