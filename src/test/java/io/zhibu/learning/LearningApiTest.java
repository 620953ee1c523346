package io.zhibu.learning;

import static io.zhibu.db.Tables.LEARNING_ATTEMPT_ITEM;
import static io.zhibu.db.Tables.LEARNING_QUESTION;
import static io.zhibu.db.Tables.LEARNING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The learning journeys over HTTP on the test database (H2, or PostgreSQL with -Dzhibu.test.db=postgres): genuine
 * study time and idempotent completion, the daily caps, files that are not what their name says, bank import with a
 * bad row, the level game with late answers refused, offline training hours.
 */
class LearningApiTest extends LearningTestBase {

    private long article(Api publisher, String title, int minutes) {
        Api.Response r = publisher.post("/api/v1/learning/materials", Api.json(Map.of("orgId", countyId(), "kind", "ARTICLE",
                "title", title, "topic", "测试", "minutes", minutes, "bodyHtml", "<p>学习内容 " + title + "</p>")));
        ok(r);
        return r.at("/id").asLong();
    }

    /** The member has been on the page for {@code seconds} (instead of waiting for real heartbeats). */
    private void dwell(Api member, long materialId, int seconds) {
        ok(member.post("/api/v1/learning/materials/" + materialId + "/beat", null));
        long memberId = member.get("/api/v1/me").at("/memberId").asLong();
        db.update(LEARNING_SESSION).set(LEARNING_SESSION.DWELL_SECONDS, seconds)
                .where(LEARNING_SESSION.MEMBER_ID.eq(memberId)).and(LEARNING_SESSION.MATERIAL_ID.eq(materialId)).execute();
    }

    @Test
    void completionNeedsTheMinimumDwellAndCountsOnce() {
        Api admin = as("admin");
        long id = article(admin, "党章学习 " + System.nanoTime(), 10);
        Api member = memberAccount(countyMember());
        // the heartbeat starts the session; a second beat right after adds only the real seconds between
        Api.Response beat = member.post("/api/v1/learning/materials/" + id + "/beat", null);
        ok(beat);
        assertThat(beat.at("/minDwellSeconds").asInt()).isEqualTo(300);
        assertThat(beat.at("/canComplete").asBoolean()).isFalse();
        Api.Response early = member.post("/api/v1/learning/materials/" + id + "/complete", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("Not enough study time");
        double before = member.get("/api/v1/learning/hours/me").at("/hours/online").asDouble();

        dwell(member, id, 420);
        Api.Response done = member.post("/api/v1/learning/materials/" + id + "/complete", null);
        ok(done);
        assertThat(done.at("/minutes").asInt()).isEqualTo(7);
        assertThat(done.at("/repeated").asBoolean()).isFalse();
        Api.Response again = member.post("/api/v1/learning/materials/" + id + "/complete", null);
        ok(again);
        assertThat(again.at("/repeated").asBoolean()).isTrue();
        assertThat(again.at("/minutes").asInt()).isEqualTo(7);
        double after = member.get("/api/v1/learning/hours/me").at("/hours/online").asDouble();
        assertThat(after - before).isEqualTo(0.12, org.assertj.core.data.Offset.offset(0.001)); // 7 min, once
        assertThat(member.get("/api/v1/learning/materials/" + id).at("/completion/minutes").asInt()).isEqualTo(7);
        // secretaries and staff read but do not study
        assertThat(as("secretary").post("/api/v1/learning/materials/" + id + "/complete", null).status()).isEqualTo(403);
    }

    @Test
    void theDailyStudyCapCutsAndThenRefuses() {
        Api admin = as("admin");
        long a = article(admin, "长篇学习 A " + System.nanoTime(), 200);
        long b = article(admin, "长篇学习 B " + System.nanoTime(), 200);
        long c = article(admin, "长篇学习 C " + System.nanoTime(), 30);
        Api member = memberAccount(countyMember());
        dwell(member, a, 200 * 60);
        dwell(member, b, 200 * 60);
        dwell(member, c, 30 * 60);
        ok(member.post("/api/v1/learning/materials/" + a + "/complete", null));
        Api.Response capped = member.post("/api/v1/learning/materials/" + b + "/complete", null);
        ok(capped);
        assertThat(capped.at("/minutes").asInt()).isEqualTo(40); // 240 a day
        assertThat(capped.at("/capped").asBoolean()).isTrue();
        Api.Response refused = member.post("/api/v1/learning/materials/" + c + "/complete", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("reached the limit (240 minutes)");
        assertThat(member.get("/api/v1/learning/materials/" + c).at("/completion").isMissingNode()).isTrue();
    }

    @Test
    void articlesAreSanitizedAndFilesMustBeWhatTheirNameSays() {
        Api secretary = as("secretary");
        Api.Response r = secretary.post("/api/v1/learning/materials", Api.json(Map.of("kind", "ARTICLE", "title", "净化测试",
                "topic", "测试", "minutes", 5, "bodyHtml",
                "<p onclick=\"steal()\">正文<script>alert(1)</script><a href=\"javascript:x()\">链接</a></p>")));
        ok(r);
        String body = secretary.get("/api/v1/learning/materials/" + r.at("/id").asLong()).at("/bodyHtml").asText();
        assertThat(body).contains("正文").doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript");

        String fields = "?kind=PDF&title=" + Api.enc("伪装的文档") + "&topic=" + Api.enc("测试") + "&minutes=5";
        Api.Response fake = secretary.multipart("/api/v1/learning/materials/upload" + fields, "rules.pdf",
                "MZ\u0090 this is an executable".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.body()).contains("not what its name says");
        Api.Response renamed = secretary.multipart("/api/v1/learning/materials/upload" + fields, "rules.mp4",
                io.zhibu.support.TestFiles.pdf());
        assertThat(renamed.status()).isEqualTo(400);
        Api.Response real = secretary.multipart("/api/v1/learning/materials/upload" + fields, "rules.pdf",
                io.zhibu.support.TestFiles.pdf());
        ok(real);
        Api.Response file = secretary.get("/api/v1/learning/materials/" + real.at("/id").asLong() + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF-");
        Api.Response video = secretary.post("/api/v1/learning/materials", Api.json(Map.of("kind", "VIDEO", "title", "视频",
                "topic", "测试", "minutes", 5, "videoUrl", "javascript:alert(1)")));
        assertThat(video.status()).isEqualTo(400);
    }

    @Test
    void bankImportWithARowWithoutAnswerWritesNothing() {
        Api secretary = as("secretary");
        long bank = secretary.post("/api/v1/learning/banks", "{\"name\":\"导入测试\"}").at("/id").asLong();
        String bad = "题型,题干,A,B,C,D,答案,解析\n"
                + "单选,党的根本宗旨是什么？,全心全意为人民服务,发展经济,,,A,\n"
                + "多选,三会包括哪些？,支部党员大会,支委会,党小组会,党课,,\n"
                + "判断,预备期为一年。,,,,,对,\n";
        Api.Response r = secretary.multipart("/api/v1/learning/banks/" + bank + "/import", "bank.csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/errors/0/field").asText()).isEqualTo("row3.answer");
        assertThat(r.at("/errors/0/message").asText()).isEqualTo("No correct answer");
        assertThat(db.fetchCount(LEARNING_QUESTION, LEARNING_QUESTION.BANK_ID.eq(bank))).isZero();

        Api.Response good = secretary.multipart("/api/v1/learning/banks/" + bank + "/import", "bank.csv",
                bad.replace("党课,,", "党课,ABC,").getBytes(StandardCharsets.UTF_8));
        ok(good);
        assertThat(good.at("/imported").asInt()).isEqualTo(3);
        JsonNode questions = secretary.get("/api/v1/learning/banks/" + bank).at("/questions");
        assertThat(questions.size()).isEqualTo(3);
        assertThat(questions.get(2).get("answer").asText()).isEqualTo("A");
        // not a spreadsheet at all
        assertThat(secretary.multipart("/api/v1/learning/banks/" + bank + "/import", "bank.xlsx",
                "not a zip".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        // a county bank is read-only for the branch
        long countyBank = as("admin").post("/api/v1/learning/banks", "{\"orgId\":" + countyId() + ",\"name\":\"县题库\"}")
                .at("/id").asLong();
        assertThat(secretary.multipart("/api/v1/learning/banks/" + countyBank + "/import", "bank.csv",
                bad.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(409);
    }

    /** A county bank with {@code n} single-choice questions (answer B) and levels 1 and 2. */
    private long gameBank(int n) {
        Api admin = as("admin");
        long bank = admin.post("/api/v1/learning/banks", "{\"orgId\":" + countyId() + ",\"name\":\"闯关测试\"}").at("/id").asLong();
        StringBuilder csv = new StringBuilder("题型,题干,A,B,C,D,答案,解析\n");
        for (int i = 1; i <= n; i++) {
            csv.append("单选,第").append(i).append("题：正确的是？,错,对,错,错,B,\n");
        }
        ok(admin.multipart("/api/v1/learning/banks/" + bank + "/import", "g.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        ok(admin.put("/api/v1/learning/banks/" + bank + "/levels/1", "{\"questions\":3,\"passCorrect\":2,\"secondsPerQuestion\":30}"));
        ok(admin.put("/api/v1/learning/banks/" + bank + "/levels/2", "{\"questions\":4,\"passCorrect\":4,\"secondsPerQuestion\":30}"));
        return bank;
    }

    @Test
    void aMemberPassesLevelOneToOpenLevelTwoWithoutRepeatedQuestions() {
        long bank = gameBank(6);
        Api member = memberAccount(countyMember());
        Api.Response locked = member.post("/api/v1/learning/banks/" + bank + "/levels/2/attempts", null);
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.body()).contains("Pass level 1 first");

        JsonNode a = member.post("/api/v1/learning/banks/" + bank + "/levels/1/attempts", null).json();
        long attempt = a.get("id").asLong();
        java.util.Set<String> stems = new java.util.HashSet<>();
        while (a.get("current") != null && !a.get("current").isNull()) {
            assertThat(stems.add(a.at("/current/stem").asText())).isTrue(); // no repetition within the attempt
            a = member.post("/api/v1/learning/attempts/" + attempt + "/answers",
                    "{\"seq\":" + a.at("/current/seq").asInt() + ",\"answer\":\"B\"}").json();
            assertThat(a.at("/last/correct").asBoolean()).isTrue();
        }
        assertThat(a.get("status").asText()).isEqualTo("PASSED");
        assertThat(stems).hasSize(3);
        JsonNode levels = member.get("/api/v1/learning/banks/" + bank).at("/levels");
        assertThat(levels.get(0).get("status").asText()).isEqualTo("PASSED");
        assertThat(levels.get(1).get("status").asText()).isEqualTo("OPEN");
        // answering a finished attempt is refused
        assertThat(member.post("/api/v1/learning/attempts/" + attempt + "/answers", "{\"seq\":1,\"answer\":\"B\"}").status())
                .isEqualTo(409);
    }

    @Test
    void anAnswerAfterTheTimeLimitIsRefusedAndCountsAsWrong() {
        long bank = gameBank(5);
        Api member = memberAccount(countyMember());
        long attempt = member.post("/api/v1/learning/banks/" + bank + "/levels/1/attempts", null).at("/id").asLong();
        JsonNode a = member.get("/api/v1/learning/attempts/" + attempt).json();
        assertThat(a.at("/current/seq").asInt()).isEqualTo(1);
        // the question was served two minutes ago by the server clock
        var served = db.select(LEARNING_ATTEMPT_ITEM.SERVED_AT).from(LEARNING_ATTEMPT_ITEM)
                .where(LEARNING_ATTEMPT_ITEM.ATTEMPT_ID.eq(attempt)).and(LEARNING_ATTEMPT_ITEM.SEQ.eq(1)).fetchOne().value1();
        db.update(LEARNING_ATTEMPT_ITEM).set(LEARNING_ATTEMPT_ITEM.SERVED_AT, served.minusMinutes(2))
                .where(LEARNING_ATTEMPT_ITEM.ATTEMPT_ID.eq(attempt)).and(LEARNING_ATTEMPT_ITEM.SEQ.eq(1)).execute();
        Api.Response late = member.post("/api/v1/learning/attempts/" + attempt + "/answers", "{\"seq\":1,\"answer\":\"B\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("timed out");
        JsonNode now = member.get("/api/v1/learning/attempts/" + attempt).json();
        assertThat(now.get("answered").asInt()).isEqualTo(1);
        assertThat(now.get("correct").asInt()).isZero();
        assertThat(now.at("/current/seq").asInt()).isEqualTo(2);
        // answering an earlier or later question than the current one is refused too
        assertThat(member.post("/api/v1/learning/attempts/" + attempt + "/answers", "{\"seq\":3,\"answer\":\"B\"}").status())
                .isEqualTo(409);
    }

    @Test
    void theDailyAttemptCapGivesAClearError() {
        long bank = gameBank(4);
        Api member = memberAccount(countyMember());
        for (int i = 0; i < 5; i++) {
            ok(member.post("/api/v1/learning/banks/" + bank + "/levels/1/attempts", null));
        }
        Api.Response sixth = member.post("/api/v1/learning/banks/" + bank + "/levels/1/attempts", null);
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.body()).contains("No attempts left today (5 a day)");
        assertThat(member.get("/api/v1/learning/banks/" + bank).at("/attemptsLeftToday").asInt()).isZero();
    }

    @Test
    void offlineTrainingIsEnteredOnceWithValidHours() {
        Api secretary = as("secretary");
        long orgId = secretary.get("/api/v1/me").at("/orgId").asLong();
        long memberId = branchMember();
        String title = "乡镇党校轮训 " + System.nanoTime();
        LocalDate day = LocalDate.now().minusDays(2);
        String form = "{\"memberIds\":[" + memberId + "],\"title\":\"" + title + "\",\"from\":\"" + day + "\",\"to\":\""
                + day + "\",\"hours\":%s,\"evidence\":\"结业证书 2026-001\"}";
        Api.Response bad = secretary.post("/api/v1/learning/hours/offline?orgId=" + orgId, form.formatted("3.3"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors/0/field").asText()).isEqualTo("hours");
        assertThat(secretary.post("/api/v1/learning/hours/offline?orgId=" + orgId, form.formatted("9")).status()).isEqualTo(400);
        double before = secretary.get("/api/v1/learning/hours/members/" + memberId + "?year=" + day.getYear())
                .at("/hours/offline").asDouble();
        ok(secretary.post("/api/v1/learning/hours/offline?orgId=" + orgId, form.formatted("4")));
        Api.Response twice = secretary.post("/api/v1/learning/hours/offline?orgId=" + orgId, form.formatted("4"));
        assertThat(twice.status()).isEqualTo(409);
        JsonNode h = secretary.get("/api/v1/learning/hours/members/" + memberId + "?year=" + day.getYear()).at("/hours");
        assertThat(h.get("offline").asDouble() - before).isEqualTo(4.0);
        assertThat(h.get("required").asInt()).isIn(32, 56);
        // the branch table lists the member with progress
        JsonNode branch = secretary.get("/api/v1/learning/hours/branches/" + orgId).json();
        Map<Long, JsonNode> rows = new HashMap<>();
        branch.get("members").forEach(m -> rows.put(m.get("memberId").asLong(), m));
        assertThat(rows).containsKey(memberId);
        // 56 hours for a committee member
        ok(secretary.put("/api/v1/learning/hours/members/" + memberId + "/cadre", "{\"cadre\":true}"));
        assertThat(secretary.get("/api/v1/learning/hours/members/" + memberId).at("/hours/required").asInt()).isEqualTo(56);
        ok(secretary.put("/api/v1/learning/hours/members/" + memberId + "/cadre", "{\"cadre\":false}"));
        assertThat(as("secretary").get("/api/v1/learning/study-days?year=2026").json().get(4).asText()).isEqualTo("2026-05-23");
    }

    @Test
    void aTestPaperIsTakenOnceWithinItsTimeAndRanked() {
        long bank = gameBank(4);
        Api admin = as("admin");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        String form = "{\"orgId\":" + countyId() + ",\"kind\":\"CONTEST\",\"title\":\"党章知识竞赛\",\"bankId\":" + bank
                + ",\"questions\":4,\"opensAt\":\"%s\",\"closesAt\":\"%s\",\"minutes\":30}";
        Api.Response created = admin.post("/api/v1/learning/papers", form.formatted(now.minusHours(1), now.plusDays(1)));
        ok(created);
        long paper = created.at("/id").asLong();
        long future = admin.post("/api/v1/learning/papers", form.formatted(now.plusDays(1), now.plusDays(2))).at("/id").asLong();
        assertThat(admin.post("/api/v1/learning/papers", form.formatted(now, now.minusDays(1))).status()).isEqualTo(400);

        long first = countyMember();
        Api a = memberAccount(first);
        JsonNode sheet = a.get("/api/v1/learning/papers/" + paper + "/sheet").json();
        assertThat(sheet.get("questions").size()).isEqualTo(4);
        assertThat(sheet.toString()).doesNotContain("\"answer\"");
        Api.Response done = a.post("/api/v1/learning/papers/" + paper + "/submit",
                "{\"answers\":{\"1\":\"B\",\"2\":\"B\",\"3\":\"B\",\"4\":\"A\"}}");
        ok(done);
        assertThat(done.at("/score").asDouble()).isEqualTo(75.0);
        Api.Response twice = a.post("/api/v1/learning/papers/" + paper + "/submit", "{\"answers\":{\"4\":\"B\"}}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("already submitted");
        assertThat(a.get("/api/v1/learning/papers/" + future + "/sheet").status()).isEqualTo(409);

        long second = countyMember();
        Api b = memberAccount(second);
        ok(b.get("/api/v1/learning/papers/" + paper + "/sheet"));
        // the member opened the paper 31 minutes ago (30 allowed)
        db.update(io.zhibu.db.Tables.LEARNING_PAPER_ENTRY)
                .set(io.zhibu.db.Tables.LEARNING_PAPER_ENTRY.STARTED_AT, java.time.OffsetDateTime.now().minusMinutes(31))
                .where(io.zhibu.db.Tables.LEARNING_PAPER_ENTRY.PAPER_ID.eq(paper))
                .and(io.zhibu.db.Tables.LEARNING_PAPER_ENTRY.MEMBER_ID.eq(second)).execute();
        Api.Response late = b.post("/api/v1/learning/papers/" + paper + "/submit", "{\"answers\":{\"1\":\"B\"}}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("time is up");

        JsonNode ranking = admin.get("/api/v1/learning/papers/" + paper + "/ranking?orgId=" + countyId()).at("/lines");
        assertThat(ranking.size()).isEqualTo(1);
        assertThat(ranking.get(0).get("memberId").asLong()).isEqualTo(first);
        assertThat(ranking.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(a.get("/api/v1/learning/papers").toString()).contains("党章知识竞赛");
    }

    @Test
    void anAttendedPartyLectureCountsAsTrainingHours() {
        Api secretary = as("secretary");
        long orgId = secretary.get("/api/v1/me").at("/orgId").asLong();
        long memberId = branchMember();
        java.time.LocalDateTime start = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Api.Response planned = secretary.post("/api/v1/meetings", "{\"orgId\":" + orgId + ",\"types\":[\"PARTY_LECTURE\"],"
                + "\"title\":\"专题党课：学习党章\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusMinutes(100)
                + "\",\"place\":\"党群服务中心\",\"agenda\":\"党课\"}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String meeting = planned.at("/id").asText();
        double before = secretary.get("/api/v1/learning/hours/members/" + memberId + "?year=" + start.getYear())
                .at("/hours/meeting").asDouble();
        for (JsonNode a : planned.at("/attendees")) {
            if (a.get("memberId") != null && a.get("memberId").asLong() == memberId) {
                ok(secretary.put("/api/v1/meetings/" + meeting + "/attendance/" + a.get("id").asLong(), "{\"status\":\"PRESENT\"}"));
            }
        }
        int v = secretary.get("/api/v1/meetings/" + meeting).at("/version").asInt();
        ok(secretary.put("/api/v1/meetings/" + meeting + "/minutes", "{\"host\":\"张书记\",\"recorder\":\"李委员\",\"version\":" + v + "}"));
        // not counted until the minutes are locked
        assertThat(secretary.get("/api/v1/learning/hours/members/" + memberId + "?year=" + start.getYear())
                .at("/hours/meeting").asDouble()).isEqualTo(before);
        ok(secretary.post("/api/v1/meetings/" + meeting + "/lock", null));
        JsonNode h = secretary.get("/api/v1/learning/hours/members/" + memberId + "?year=" + start.getYear()).json();
        assertThat(h.at("/hours/meeting").asDouble() - before).isEqualTo(1.5); // 100 minutes = 3 half hours (R7.3)
        assertThat(h.get("lines").toString()).contains("专题党课：学习党章");
    }
}
