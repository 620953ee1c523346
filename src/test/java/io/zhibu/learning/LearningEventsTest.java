package io.zhibu.learning;

import static io.zhibu.db.Tables.LEARNING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The points module's inputs: each fact is published once, a repeated completion or second pass publishes nothing. */
@RecordApplicationEvents
class LearningEventsTest extends LearningTestBase {
    @Autowired
    MaterialService materials;
    @Autowired
    QuizService quiz;
    @Autowired
    StudyHours hours;

    private DataScope memberScope(long memberId) {
        Api admin = as("admin");
        long orgId = admin.get("/api/v1/members/" + memberId).at("/orgId").asLong();
        String path = admin.get("/api/v1/orgs/" + orgId).at("/path").asText();
        return new DataScope(0, "events-test", Role.MEMBER, orgId, path, Long.parseLong(path.substring(0, 8)), memberId);
    }

    @Test
    void completionAndLevelPassArePublishedOnce(ApplicationEvents events) {
        Api admin = as("admin");
        long material = admin.post("/api/v1/learning/materials", Api.json(Map.of("orgId", countyId(), "kind", "ARTICLE",
                "title", "事件测试", "topic", "测试", "minutes", 5, "bodyHtml", "<p>内容</p>"))).at("/id").asLong();
        long memberId = countyMember();
        DataScope me = memberScope(memberId);
        materials.beat(me, material);
        db.update(LEARNING_SESSION).set(LEARNING_SESSION.DWELL_SECONDS, 400)
                .where(LEARNING_SESSION.MEMBER_ID.eq(memberId)).and(LEARNING_SESSION.MATERIAL_ID.eq(material)).execute();
        materials.complete(me, material);
        materials.complete(me, material);
        assertThat(events.stream(LearningEvents.MaterialCompleted.class))
                .containsExactly(new LearningEvents.MaterialCompleted(memberId, material, 5, hours.today()));

        long bank = admin.post("/api/v1/learning/banks", "{\"orgId\":" + countyId() + ",\"name\":\"事件题库\"}").at("/id").asLong();
        ok(admin.post("/api/v1/learning/banks/" + bank + "/questions", "{\"kind\":\"TRUE_FALSE\",\"stem\":\"对吗\",\"answer\":\"对\"}"));
        ok(admin.put("/api/v1/learning/banks/" + bank + "/levels/1", "{\"questions\":1,\"passCorrect\":1,\"secondsPerQuestion\":60}"));
        for (int i = 0; i < 2; i++) {
            var a = quiz.start(me, bank, 1);
            var done = quiz.answer(me, a.id(), new LearningRecords.AnswerForm(1, "A"));
            assertThat(done.passed()).isTrue();
        }
        assertThat(events.stream(LearningEvents.QuizLevelPassed.class))
                .containsExactly(new LearningEvents.QuizLevelPassed(memberId, bank, 1, hours.today()));
        // the ranking query sees the 5 minutes of online study
        assertThat(hours.yearHoursByMember(hours.today().getYear(), java.util.List.of(memberId)).get(memberId))
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("0.08"));
    }
}
