package io.zhibu.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scope probes of every learning endpoint: the foreign branch's materials, banks, members and hours answer 404 to the
 * branch secretary, the township and the demo member; lists never carry them.
 */
public class LearningScopeProbes implements ScopeProbeSet {
    private static final String FOREIGN_TITLE = "境外支部学习资料-probe";
    private static final String FOREIGN_BANK = "境外支部题库-probe";
    private static Long foreignMaterial;
    private static Long foreignPdf;
    private static Long foreignBank;
    private static Long foreignQuestion;
    private static Long foreignPaper;

    @Override
    public Map<String, String> exempt() {
        return Map.of("GET /api/v1/learning/study-days", "the configured monthly study days of a year, no organization data");
    }

    /** A material, a PDF and a bank with one question and one level in the foreign branch, made once by the admin. */
    private static synchronized void foreign(ScopeContext t) {
        if (foreignMaterial != null) {
            return;
        }
        Api admin = t.as("admin");
        long org = t.facts().foreignBranchId();
        Api.Response m = admin.post("/api/v1/learning/materials", Api.json(Map.of("orgId", org, "kind", "ARTICLE",
                "title", FOREIGN_TITLE, "topic", "probe", "minutes", 5, "bodyHtml", "<p>probe</p>")));
        assertThat(m.status()).as(m.body()).isEqualTo(200);
        foreignMaterial = m.at("/id").asLong();
        Api.Response pdf = admin.multipart("/api/v1/learning/materials/upload?orgId=" + org + "&kind=PDF&title=probe&topic=probe&minutes=5",
                "p.pdf", io.zhibu.support.TestFiles.pdf());
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        foreignPdf = pdf.at("/id").asLong();
        foreignBank = admin.post("/api/v1/learning/banks", "{\"orgId\":" + org + ",\"name\":\"" + FOREIGN_BANK + "\"}").at("/id").asLong();
        foreignQuestion = admin.post("/api/v1/learning/banks/" + foreignBank + "/questions",
                "{\"kind\":\"TRUE_FALSE\",\"stem\":\"probe\",\"answer\":\"对\"}").at("/id").asLong();
        admin.put("/api/v1/learning/banks/" + foreignBank + "/levels/1", "{\"questions\":1,\"passCorrect\":1,\"secondsPerQuestion\":30}");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        Api.Response paper = admin.post("/api/v1/learning/papers", "{\"orgId\":" + org + ",\"title\":\"" + FOREIGN_TITLE
                + "\",\"bankId\":" + foreignBank + ",\"questions\":1,\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\""
                + now.plusDays(1) + "\",\"minutes\":10}");
        assertThat(paper.status()).as(paper.body()).isEqualTo(200);
        foreignPaper = paper.at("/id").asLong();
    }

    private static void memberApi404(ScopeContext t, String method, String path, String json) {
        Api.Response r = t.as("member").send(method, path, json);
        assertThat(r.status()).as(method + " " + path).isEqualTo(404);
        assertThat(r.body()).doesNotContain(t.facts().foreignBranchName()).doesNotContain(FOREIGN_TITLE);
    }

    private static void notForSecretary(ScopeContext t, WebSession.Page r) {
        assertThat(r.status()).isIn(403, 404);
        assertThat(r.body()).doesNotContain(t.facts().foreignBranchName()).doesNotContain(FOREIGN_TITLE);
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String base = "/api/v1/learning";
        // --- API: materials
        p.put("GET /api/v1/learning/materials", t -> {
            foreign(t);
            assertThat(t.secretary().get(base + "/materials").body()).doesNotContain(FOREIGN_TITLE);
            assertThat(t.township().get(base + "/materials").body()).doesNotContain(FOREIGN_TITLE);
            assertThat(t.as("member").get(base + "/materials").body()).doesNotContain(FOREIGN_TITLE);
        });
        p.put("GET /api/v1/learning/materials/{id}", t -> {
            foreign(t);
            t.api404("GET", base + "/materials/" + foreignMaterial);
            t.township404("GET", base + "/materials/" + foreignMaterial, null);
            memberApi404(t, "GET", base + "/materials/" + foreignMaterial, null);
        });
        p.put("GET /api/v1/learning/materials/{id}/file", t -> {
            foreign(t);
            t.api404("GET", base + "/materials/" + foreignPdf + "/file");
        });
        p.put("POST /api/v1/learning/materials", t -> t.api404("POST", base + "/materials", Api.json(Map.of(
                "orgId", t.facts().foreignBranchId(), "kind", "ARTICLE", "title", "x", "topic", "x", "minutes", 5,
                "bodyHtml", "<p>x</p>"))));
        p.put("POST /api/v1/learning/materials/upload", t -> {
            Api.Response r = t.secretary().multipart(base + "/materials/upload?orgId=" + t.facts().foreignBranchId()
                    + "&kind=PDF&title=x&topic=x&minutes=5", "x.pdf", io.zhibu.support.TestFiles.pdf());
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain(t.facts().foreignBranchName());
        });
        p.put("POST /api/v1/learning/materials/{id}/beat", t -> {
            foreign(t);
            memberApi404(t, "POST", base + "/materials/" + foreignMaterial + "/beat", null);
        });
        p.put("POST /api/v1/learning/materials/{id}/complete", t -> {
            foreign(t);
            memberApi404(t, "POST", base + "/materials/" + foreignMaterial + "/complete", null);
        });
        // --- API: study hours
        p.put("GET /api/v1/learning/hours/me", t -> {
            Api member = t.as("member");
            long self = member.get("/api/v1/me").at("/memberId").asLong();
            assertThat(member.get(base + "/hours/me").at("/hours/memberId").asLong()).isEqualTo(self);
            assertThat(t.secretary().get(base + "/hours/me").status()).isEqualTo(403);
        });
        p.put("GET /api/v1/learning/hours/members/{memberId}", t -> {
            t.api404("GET", base + "/hours/members/" + t.facts().foreignMemberId());
            t.township404("GET", base + "/hours/members/" + t.facts().foreignMemberId(), null);
            memberApi404(t, "GET", base + "/hours/members/" + t.facts().foreignMemberId(), null);
        });
        p.put("GET /api/v1/learning/hours/branches/{orgId}", t -> {
            t.api404("GET", base + "/hours/branches/" + t.facts().foreignBranchId());
            t.township404("GET", base + "/hours/branches/" + t.facts().foreignBranchId(), null);
        });
        p.put("POST /api/v1/learning/hours/offline", t -> {
            String form = "{\"memberIds\":[" + t.facts().foreignMemberId() + "],\"title\":\"x\",\"from\":\""
                    + LocalDate.now().minusDays(1) + "\",\"hours\":2,\"evidence\":\"x\"}";
            t.api404("POST", base + "/hours/offline?orgId=" + t.facts().foreignBranchId(), form);
            t.api404("POST", base + "/hours/offline?orgId=" + t.facts().ownBranchId(), form); // a foreign member in my list
        });
        p.put("PUT /api/v1/learning/hours/members/{memberId}/cadre", t ->
                t.api404("PUT", base + "/hours/members/" + t.facts().foreignMemberId() + "/cadre", "{\"cadre\":true}"));
        // --- API: banks and the game
        p.put("GET /api/v1/learning/banks", t -> {
            foreign(t);
            assertThat(t.secretary().get(base + "/banks").body()).doesNotContain(FOREIGN_BANK);
            assertThat(t.as("member").get(base + "/banks").body()).doesNotContain(FOREIGN_BANK);
        });
        p.put("POST /api/v1/learning/banks", t -> t.api404("POST", base + "/banks",
                "{\"orgId\":" + t.facts().foreignBranchId() + ",\"name\":\"x\"}"));
        p.put("GET /api/v1/learning/banks/{id}", t -> {
            foreign(t);
            t.api404("GET", base + "/banks/" + foreignBank);
            memberApi404(t, "GET", base + "/banks/" + foreignBank, null);
        });
        p.put("POST /api/v1/learning/banks/{id}/questions", t -> {
            foreign(t);
            t.api404("POST", base + "/banks/" + foreignBank + "/questions", "{\"kind\":\"TRUE_FALSE\",\"stem\":\"x\",\"answer\":\"A\"}");
        });
        p.put("PUT /api/v1/learning/banks/{id}/questions/{questionId}", t -> {
            foreign(t);
            t.api404("PUT", base + "/banks/" + foreignBank + "/questions/" + foreignQuestion,
                    "{\"kind\":\"TRUE_FALSE\",\"stem\":\"x\",\"answer\":\"A\",\"version\":0}");
        });
        p.put("GET /api/v1/learning/banks/{id}/questions/{questionId}", t -> {
            foreign(t);
            t.api404("GET", base + "/banks/" + foreignBank + "/questions/" + foreignQuestion);
        });
        p.put("DELETE /api/v1/learning/banks/{id}/questions/{questionId}", t -> {
            foreign(t);
            t.api404("DELETE", base + "/banks/" + foreignBank + "/questions/" + foreignQuestion);
        });
        p.put("PUT /api/v1/learning/banks/{id}/questions/{questionId}/active", t -> {
            foreign(t);
            t.api404("PUT", base + "/banks/" + foreignBank + "/questions/" + foreignQuestion + "/active", "{\"active\":false}");
        });
        p.put("POST /api/v1/learning/banks/{id}/import", t -> {
            foreign(t);
            Api.Response r = t.secretary().multipart(base + "/banks/" + foreignBank + "/import", "q.csv",
                    "题型,题干,A,B,答案\n单选,x,a,b,A\n".getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).isEqualTo(404);
        });
        p.put("PUT /api/v1/learning/banks/{id}/levels/{levelNo}", t -> {
            foreign(t);
            t.api404("PUT", base + "/banks/" + foreignBank + "/levels/1", "{\"questions\":1,\"passCorrect\":1,\"secondsPerQuestion\":30}");
        });
        p.put("POST /api/v1/learning/banks/{id}/levels/{levelNo}/attempts", t -> {
            foreign(t);
            memberApi404(t, "POST", base + "/banks/" + foreignBank + "/levels/1/attempts", null);
        });
        p.put("GET /api/v1/learning/attempts/{id}", t -> memberApi404(t, "GET", base + "/attempts/987654321", null));
        p.put("POST /api/v1/learning/attempts/{id}/answers", t ->
                memberApi404(t, "POST", base + "/attempts/987654321/answers", "{\"seq\":1,\"answer\":\"A\"}"));
        p.put("GET /api/v1/learning/papers", t -> {
            foreign(t);
            assertThat(t.secretary().get(base + "/papers").body()).doesNotContain(FOREIGN_TITLE);
            assertThat(t.as("member").get(base + "/papers").body()).doesNotContain(FOREIGN_TITLE);
        });
        p.put("POST /api/v1/learning/papers", t -> {
            foreign(t);
            t.api404("POST", base + "/papers", "{\"title\":\"x\",\"bankId\":" + foreignBank + ",\"questions\":1,\"opensAt\":\""
                    + java.time.OffsetDateTime.now() + "\",\"closesAt\":\"" + java.time.OffsetDateTime.now().plusDays(1) + "\",\"minutes\":5}");
            t.api404("POST", base + "/papers", "{\"orgId\":" + t.facts().foreignBranchId() + ",\"title\":\"x\",\"bankId\":"
                    + foreignBank + ",\"questions\":1,\"opensAt\":\"" + java.time.OffsetDateTime.now() + "\",\"closesAt\":\""
                    + java.time.OffsetDateTime.now().plusDays(1) + "\",\"minutes\":5}");
        });
        p.put("GET /api/v1/learning/papers/{id}/sheet", t -> {
            foreign(t);
            memberApi404(t, "GET", base + "/papers/" + foreignPaper + "/sheet", null);
        });
        p.put("POST /api/v1/learning/papers/{id}/submit", t -> {
            foreign(t);
            memberApi404(t, "POST", base + "/papers/" + foreignPaper + "/submit", "{\"answers\":{\"1\":\"A\"}}");
        });
        p.put("GET /api/v1/learning/papers/{id}/ranking", t -> {
            foreign(t);
            t.api404("GET", base + "/papers/" + foreignPaper + "/ranking");
            t.township404("GET", base + "/papers/" + foreignPaper + "/ranking?orgId=" + t.facts().foreignBranchId(), null);
        });
        // --- pages
        p.put("GET /learning/papers", t -> {
            foreign(t);
            WebSession.Page r = t.secretaryWeb().get("/learning/papers");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(FOREIGN_TITLE);
        });
        p.put("POST /learning/papers", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().post("/learning/papers", Map.of("title", "x", "bankId", "" + foreignBank,
                    "questions", "1", "minutes", "5", "opensAt", "2026-01-01T08:00", "closesAt", "2099-01-01T08:00")));
        });
        p.put("GET /learning/papers/{id}", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().get("/learning/papers/" + foreignPaper));
            t.page404(t.townshipWeb().get("/learning/papers/" + foreignPaper));
        });
        p.put("POST /learning/papers/{id}/submit", t -> {
            foreign(t);
            notForSecretary(t, t.secretaryWeb().post("/learning/papers/" + foreignPaper + "/submit", Map.of("q1", "A")));
        });
        p.put("GET /learning", t -> {
            foreign(t);
            WebSession.Page r = t.secretaryWeb().get("/learning");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(FOREIGN_TITLE);
        });
        p.put("GET /learning/materials/new", t -> {
            assertThat(t.secretaryWeb().get("/learning/materials/new").status()).isEqualTo(200);
        });
        p.put("POST /learning/materials", t -> t.page404(t.secretaryWeb().post("/learning/materials", Map.of(
                "orgId", "" + t.facts().foreignBranchId(), "kind", "ARTICLE", "title", "x", "topic", "x", "minutes", "5",
                "bodyHtml", "<p>x</p>"))));
        p.put("GET /learning/materials/{id}", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().get("/learning/materials/" + foreignMaterial));
            t.page404(t.townshipWeb().get("/learning/materials/" + foreignMaterial));
        });
        p.put("GET /learning/materials/{id}/file", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().get("/learning/materials/" + foreignPdf + "/file"));
        });
        p.put("POST /learning/materials/{id}/beat", t -> {
            foreign(t);
            notForSecretary(t, t.secretaryWeb().post("/learning/materials/" + foreignMaterial + "/beat", Map.of()));
        });
        p.put("POST /learning/materials/{id}/complete", t -> {
            foreign(t);
            notForSecretary(t, t.secretaryWeb().post("/learning/materials/" + foreignMaterial + "/complete", Map.of()));
        });
        p.put("GET /learning/hours", t -> {
            WebSession.Page r = t.secretaryWeb().get("/learning/hours");
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.location()).contains("orgId=" + t.facts().ownBranchId());
        });
        p.put("GET /learning/hours/members/{memberId}", t ->
                t.page404(t.secretaryWeb().get("/learning/hours/members/" + t.facts().foreignMemberId())));
        p.put("GET /learning/hours/branch", t -> {
            t.page404(t.secretaryWeb().get("/learning/hours/branch?orgId=" + t.facts().foreignBranchId()));
            t.page404(t.townshipWeb().get("/learning/hours/branch?orgId=" + t.facts().foreignBranchId()));
        });
        p.put("POST /learning/hours/offline", t -> t.page404(t.secretaryWeb().post("/learning/hours/offline?orgId="
                + t.facts().foreignBranchId(), Map.of("memberIds", "" + t.facts().foreignMemberId(), "title", "x",
                "from", LocalDate.now().minusDays(1).toString(), "hoursValue", "2", "evidence", "x"))));
        p.put("POST /learning/hours/members/{memberId}/cadre", t -> t.page404(t.secretaryWeb().post(
                "/learning/hours/members/" + t.facts().foreignMemberId() + "/cadre", Map.of("cadre", "true"))));
        p.put("GET /learning/quiz", t -> {
            foreign(t);
            WebSession.Page r = t.secretaryWeb().get("/learning/quiz");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(FOREIGN_BANK);
        });
        p.put("POST /learning/quiz/banks", t -> {
            // creates the bank in the caller's own branch only (no org parameter)
            WebSession.Page r = t.secretaryWeb().post("/learning/quiz/banks", Map.of("name", "支部自建题库"));
            assertThat(r.status()).isEqualTo(302);
            long id = Long.parseLong(r.location().replaceAll(".*/banks/", ""));
            assertThat(t.secretary().get("/api/v1/learning/banks/" + id).at("/bank/orgId").asLong())
                    .isEqualTo(t.facts().ownBranchId());
        });
        p.put("GET /learning/quiz/banks/{id}", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().get("/learning/quiz/banks/" + foreignBank));
        });
        p.put("POST /learning/quiz/banks/{id}/import", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().post("/learning/quiz/banks/" + foreignBank + "/import", Map.of()));
        });
        p.put("GET /learning/quiz/banks/{id}/questions/{questionId}", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().get("/learning/quiz/banks/" + foreignBank + "/questions/" + foreignQuestion));
        });
        p.put("POST /learning/quiz/banks/{id}/questions/{questionId}", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().post("/learning/quiz/banks/" + foreignBank + "/questions/" + foreignQuestion,
                    Map.of("kind", "TRUE_FALSE", "stem", "x", "answer", "对", "version", "0")));
        });
        p.put("POST /learning/quiz/banks/{id}/questions/{questionId}/remove", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().post("/learning/quiz/banks/" + foreignBank + "/questions/" + foreignQuestion
                    + "/remove", Map.of()));
        });
        p.put("POST /learning/quiz/banks/{id}/questions/{questionId}/restore", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().post("/learning/quiz/banks/" + foreignBank + "/questions/" + foreignQuestion
                    + "/restore", Map.of()));
        });
        p.put("POST /learning/quiz/banks/{id}/questions", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().post("/learning/quiz/banks/" + foreignBank + "/questions", Map.of("kind",
                    "TRUE_FALSE", "stem", "x", "answer", "对")));
        });
        p.put("POST /learning/quiz/banks/{id}/levels", t -> {
            foreign(t);
            t.page404(t.secretaryWeb().post("/learning/quiz/banks/" + foreignBank + "/levels", Map.of("levelNo", "1",
                    "questions", "1", "passCorrect", "1", "secondsPerQuestion", "30")));
        });
        p.put("POST /learning/quiz/banks/{id}/levels/{levelNo}/start", t -> {
            foreign(t);
            notForSecretary(t, t.secretaryWeb().post("/learning/quiz/banks/" + foreignBank + "/levels/1/start", Map.of()));
        });
        p.put("GET /learning/quiz/attempts/{id}", t ->
                notForSecretary(t, t.secretaryWeb().get("/learning/quiz/attempts/987654321")));
        p.put("POST /learning/quiz/attempts/{id}/answer", t ->
                notForSecretary(t, t.secretaryWeb().post("/learning/quiz/attempts/987654321/answer", Map.of("seq", "1"))));
        return p;
    }
}
