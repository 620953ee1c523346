package io.zhibu.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The learning pages render for members and secretaries, and the reader's heartbeat answers its fragment. */
class LearningPagesTest extends LearningTestBase {

    @Test
    void memberReadsWithHeartbeatsAndSeesHours() {
        long memberId = countyMember();
        String username = "learn-page-" + memberId;
        accounts.createUser(username, "学习页面", PASSWORD, Role.MEMBER, null, memberId);
        WebSession web = new WebSession(port, username, PASSWORD);
        WebSession.Page library = web.get("/learning");
        assertThat(library.status()).isEqualTo(200);
        assertThat(library.body()).contains("id=\"required\"").contains("《中国共产党章程》总纲导读");
        Api api = as(username);
        long id = api.get("/api/v1/learning/materials").at("/required/0/id").asLong();
        WebSession.Page reader = web.get("/learning/materials/" + id);
        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.body()).contains("hx-post=\"/learning/materials/" + id + "/beat\"").contains("every 15s")
                .contains("id=\"complete-button\"");
        WebSession.Page beat = web.post("/learning/materials/" + id + "/beat", Map.of());
        assertThat(beat.status()).isEqualTo(200);
        assertThat(beat.body()).contains("id=\"dwell\"").doesNotContain("<html");
        WebSession.Page tooEarly = web.post("/learning/materials/" + id + "/complete", Map.of());
        assertThat(tooEarly.status()).isEqualTo(302);
        assertThat(web.get(tooEarly.location().replace("http://localhost:" + port, "")).body()).contains("Not enough study time");
        WebSession.Page hours = web.get("/learning/hours");
        assertThat(hours.status()).isEqualTo(302);
        WebSession.Page mine = web.get(hours.location().replace("http://localhost:" + port, ""));
        assertThat(mine.body()).contains("id=\"hours-total\"").contains("id=\"study-days\"").contains("-23");
        assertThat(web.get("/learning/quiz").body()).contains("党的基本知识题库");
    }

    @Test
    void secretarySeesTheBranchTableAndPublishes() {
        WebSession web = new WebSession(port, "secretary", PASSWORD);
        long orgId = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        WebSession.Page branch = web.get("/learning/hours/branch?orgId=" + orgId);
        assertThat(branch.status()).isEqualTo(200);
        assertThat(branch.body()).contains("id=\"branch-hours\"").contains("progress-bar");
        WebSession.Page bad = web.post("/learning/materials", Map.of("kind", "ARTICLE", "title", "", "topic", "x",
                "minutes", "5", "bodyHtml", "<script>x</script>"));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(web.get("/learning/materials/new").body()).contains("Required");
        WebSession.Page good = web.post("/learning/materials", Map.of("orgId", "" + orgId, "kind", "ARTICLE",
                "title", "支部学习 " + System.nanoTime(), "topic", "支部", "minutes", "5", "bodyHtml", "<p>内容</p>"));
        assertThat(good.status()).isEqualTo(302);
        assertThat(good.location()).contains("/learning/materials/");
    }

    /** The page flow the browser test drives, as plain form posts (runs where Chromium is not installed). */
    @Test
    void memberPlaysALevelThroughThePages() {
        Api admin = as("admin");
        long bank = admin.post("/api/v1/learning/banks", "{\"orgId\":" + countyId() + ",\"name\":\"页面闯关\"}").at("/id").asLong();
        String csv = "题型,题干,A,B,C,D,答案\n单选,题一,甲,乙,,,B\n多选,题二,甲,乙,丙,,AC\n判断,题三,,,,,错\n";
        ok(admin.multipart("/api/v1/learning/banks/" + bank + "/import", "p.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ok(admin.put("/api/v1/learning/banks/" + bank + "/levels/1", "{\"questions\":3,\"passCorrect\":3,\"secondsPerQuestion\":60}"));
        Map<String, String> key = Map.of("题一", "B", "题二", "AC", "题三", "B");
        long memberId = countyMember();
        String username = "learn-play-" + memberId;
        accounts.createUser(username, "页面闯关", PASSWORD, Role.MEMBER, null, memberId);
        WebSession web = new WebSession(port, username, PASSWORD);
        assertThat(web.get("/learning/quiz/banks/" + bank).body()).contains("id=\"start-1\"");
        WebSession.Page started = web.post("/learning/quiz/banks/" + bank + "/levels/1/start", Map.of());
        assertThat(started.location()).contains("/learning/quiz/attempts/");
        String attempt = started.location().replace("http://localhost:" + port, "");
        for (int i = 1; i <= 3; i++) {
            String page = web.get(attempt).body();
            assertThat(page).contains("id=\"countdown\"").contains("/js/learning.js");
            String stem = page.replaceAll("(?s).*id=\"stem\">([^<]*)<.*", "$1");
            String answer = key.get(stem);
            // a multiple choice sends one "answer" per ticked box; WebSession posts a map, so join the letters
            WebSession.Page r = web.post(attempt + "/answer", Map.of("seq", "" + i, "answer", answer));
            assertThat(r.status()).isEqualTo(302);
        }
        String result = web.get(attempt).body();
        assertThat(result).contains("data-status=\"PASSED\"").contains("Level passed");
        assertThat(web.get("/learning/quiz/banks/" + bank).body()).contains("data-status=\"PASSED\"");
    }
}
