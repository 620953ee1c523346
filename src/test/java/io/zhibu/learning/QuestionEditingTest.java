package io.zhibu.learning;

import static io.zhibu.db.Tables.LEARNING_QUESTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The question bank edited online (issue 9 item 3): add, edit (version-guarded), delete or — when answers or papers
 * use the question — retire and restore; the same validation as the spreadsheet import, nothing written on bad input.
 */
class QuestionEditingTest extends LearningTestBase {
    private static final String SINGLE = "{\"kind\":\"SINGLE\",\"stem\":\"党的最高理想是什么？\",\"options\":[\"实现共产主义\",\"发展经济\",\"改善民生\"],"
            + "\"answer\":\"A\",\"explanation\":\"见党章总纲\"}";

    @Test
    void questionsAreAddedEditedAndDeletedOverTheApiWithTheImportsValidation() {
        Api secretary = as("secretary");
        long bank = secretary.post("/api/v1/learning/banks", "{\"name\":\"在线编辑题库\"}").at("/id").asLong();
        String qs = "/api/v1/learning/banks/" + bank + "/questions";

        Api.Response noAnswer = secretary.post(qs, SINGLE.replace("\"answer\":\"A\"", "\"answer\":\"\""));
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(noAnswer.at("/errors/0/field").asText()).isEqualTo("answer");
        assertThat(noAnswer.at("/errors/0/message").asText()).isEqualTo("No correct answer");
        assertThat(db.fetchCount(LEARNING_QUESTION, LEARNING_QUESTION.BANK_ID.eq(bank))).isZero();

        Api.Response added = secretary.post(qs, SINGLE);
        ok(added);
        long q = added.at("/id").asLong();
        assertThat(added.at("/version").asInt()).isZero();

        // bad edits change nothing
        Api.Response edit = secretary.put(qs + "/" + q, SINGLE.replace("\"answer\":\"A\"", "\"answer\":\" \"").replace("}", ",\"version\":0}"));
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.body()).contains("No correct answer");
        assertThat(secretary.put(qs + "/" + q, SINGLE.replace("SINGLE", "MULTIPLE").replace("}", ",\"version\":0}")).body())
                .contains("at least two correct answers");
        assertThat(secretary.put(qs + "/" + q, SINGLE.replace("\"answer\":\"A\"", "\"answer\":\"D\"").replace("}", ",\"version\":0}")).status())
                .as("D is not one of three options").isEqualTo(400);
        assertThat(secretary.put(qs + "/" + q, SINGLE).status()).as("the version read is required").isEqualTo(400);
        JsonNode unchanged = secretary.get(qs + "/" + q).json();
        assertThat(unchanged.get("answer").asText()).isEqualTo("A");
        assertThat(unchanged.get("version").asInt()).isZero();

        Api.Response changed = secretary.put(qs + "/" + q, SINGLE.replace("SINGLE", "MULTIPLE").replace("\"answer\":\"A\"", "\"answer\":\"a, c\"")
                .replace("}", ",\"version\":0}"));
        ok(changed);
        assertThat(changed.at("/kind").asText()).isEqualTo("MULTIPLE");
        assertThat(changed.at("/answer").asText()).isEqualTo("AC");
        assertThat(changed.at("/version").asInt()).isEqualTo(1);
        assertThat(secretary.put(qs + "/" + q, SINGLE.replace("}", ",\"version\":0}")).status()).as("stale version").isEqualTo(409);

        // a true/false question, never used: deleted
        Api.Response tf = secretary.post(qs, "{\"kind\":\"TRUE_FALSE\",\"stem\":\"预备期为一年。\",\"answer\":\"对\"}");
        ok(tf);
        assertThat(tf.at("/options/0").asText()).isEqualTo("正确");
        Api.Response removed = secretary.delete(qs + "/" + tf.at("/id").asLong());
        ok(removed);
        assertThat(removed.at("/outcome").asText()).isEqualTo("DELETED");
        assertThat(secretary.get(qs + "/" + tf.at("/id").asLong()).status()).isEqualTo(404);

        // members and foreign banks cannot edit
        Api member = memberAccount(branchMember());
        assertThat(member.put(qs + "/" + q, SINGLE.replace("}", ",\"version\":1}")).status()).isEqualTo(403);
        assertThat(member.delete(qs + "/" + q).status()).isEqualTo(403);
        long countyBank = as("admin").post("/api/v1/learning/banks", "{\"orgId\":" + countyId() + ",\"name\":\"县题库二\"}").at("/id").asLong();
        long countyQ = as("admin").post("/api/v1/learning/banks/" + countyBank + "/questions", SINGLE).at("/id").asLong();
        assertThat(secretary.delete("/api/v1/learning/banks/" + countyBank + "/questions/" + countyQ).status()).isEqualTo(409);
    }

    @Test
    void aQuestionAlreadyAnsweredIsRetiredNotDeletedAndCanBeRestored() {
        Api secretary = as("secretary");
        long bank = secretary.post("/api/v1/learning/banks", "{\"name\":\"停用测试题库\"}").at("/id").asLong();
        String qs = "/api/v1/learning/banks/" + bank + "/questions";
        long q = 0;
        for (int i = 1; i <= 2; i++) {
            Api.Response r = secretary.post(qs, SINGLE.replace("党的最高理想是什么？", "第" + i + "题：党的最高理想是什么？"));
            ok(r);
            q = r.at("/id").asLong();
        }
        ok(secretary.put("/api/v1/learning/banks/" + bank + "/levels/1", "{\"questions\":2,\"passCorrect\":1,\"secondsPerQuestion\":30}"));
        Api member = memberAccount(branchMember());
        ok(member.post("/api/v1/learning/banks/" + bank + "/levels/1/attempts", null));

        Api.Response retired = secretary.delete(qs + "/" + q);
        ok(retired);
        assertThat(retired.at("/outcome").asText()).isEqualTo("RETIRED");
        assertThat(secretary.get(qs + "/" + q).at("/active").asBoolean()).isFalse();
        assertThat(db.fetchCount(LEARNING_QUESTION, LEARNING_QUESTION.ID.eq(q))).as("kept for the attempt").isOne();
        Api.Response tooFew = member.post("/api/v1/learning/banks/" + bank + "/levels/1/attempts", null);
        assertThat(tooFew.status()).as("a retired question is never drawn").isEqualTo(409);

        assertThat(secretary.put(qs + "/" + q + "/active", "{}").status()).isEqualTo(400);
        Api.Response restored = secretary.put(qs + "/" + q + "/active", "{\"active\":true}");
        ok(restored);
        assertThat(restored.at("/active").asBoolean()).isTrue();
    }

    @Test
    void theSecretaryEditsAndRemovesQuestionsInTheBrowserForms() {
        Api secretary = as("secretary");
        long bank = secretary.post("/api/v1/learning/banks", "{\"name\":\"页面编辑题库\"}").at("/id").asLong();
        long q = secretary.post("/api/v1/learning/banks/" + bank + "/questions", SINGLE).at("/id").asLong();
        WebSession web = new WebSession(port, "secretary", PASSWORD);
        String base = "/learning/quiz/banks/" + bank;
        assertThat(web.get(base).body()).contains("href=\"" + base + "/questions/" + q + "\"").contains("q-remove");
        WebSession.Page form = web.get(base + "/questions/" + q);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"question-edit\"").contains("实现共产主义").contains("name=\"version\" value=\"0\"");

        Map<String, String> bad = Map.of("kind", "SINGLE", "stem", "党的最高理想是什么？", "options", "实现共产主义",
                "answer", "", "version", "0");
        WebSession.Page refused = web.post(base + "/questions/" + q, bad);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith(base + "/questions/" + q);
        String again = web.get(base + "/questions/" + q).body();
        assertThat(again).contains("No correct answer").contains("Choice questions need 2 to 6 options");
        assertThat(secretary.get("/api/v1/learning/banks/" + bank + "/questions/" + q).at("/version").asInt()).isZero();

        WebSession.Page saved = web.post(base + "/questions/" + q, Map.of("kind", "TRUE_FALSE",
                "stem", "党的最高理想是实现共产主义。", "answer", "对", "version", "0"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith(base);
        assertThat(web.get(base).body()).contains("Question saved").contains("党的最高理想是实现共产主义。");
        JsonNode now = secretary.get("/api/v1/learning/banks/" + bank + "/questions/" + q).json();
        assertThat(now.get("kind").asText()).isEqualTo("TRUE_FALSE");
        assertThat(now.get("answer").asText()).isEqualTo("A");

        WebSession.Page removed = web.post(base + "/questions/" + q + "/remove", Map.of());
        assertThat(removed.status()).isEqualTo(302);
        assertThat(web.get(base).body()).contains("Question deleted");
        assertThat(secretary.get("/api/v1/learning/banks/" + bank + "/questions/" + q).status()).isEqualTo(404);
    }
}
