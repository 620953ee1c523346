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

/**
 * 观摩 end to end through HTTP (issue 17 point 5): the township keeps a two-item scoring template, plans a visit to
 * the secretary's branch, scores it (15 + 25 of 50) with a photo and publishes; the branch then sees its sheet, and
 * the score is announced as {@link ObservationScored} for the assessment module.
 */
class ObservationApiTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ObservationService observations;

    @Test
    void templatePlanScorePublish() {
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        List<ObservationScored> announced = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
            if (e.getPayload() instanceof ObservationScored s) {
                announced.add(s);
            }
        });

        // templates: items named when missing or out of range; only staff
        Api.Response noItems = township.post("/api/v1/observations/templates", "{\"name\":\"t\",\"items\":[]}");
        assertThat(noItems.status()).isEqualTo(400);
        assertThat(noItems.body()).contains("items");
        Api.Response badMax = township.post("/api/v1/observations/templates",
                "{\"name\":\"t\",\"items\":[{\"label\":\"x\",\"maxPoints\":0}]}");
        assertThat(badMax.body()).contains("items[0].maxPoints");
        Api.Response t = township.post("/api/v1/observations/templates", "{\"name\":\"支部观摩评分表\",\"items\":["
                + "{\"label\":\"阵地建设\",\"maxPoints\":20},{\"label\":\"组织生活\",\"maxPoints\":30}]}");
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        long template = t.at("/id").asLong();

        // plan: fields named, then planned
        Api.Response noTemplate = township.post("/api/v1/observations", "{\"title\":\"观摩\",\"visitOn\":\"" + TODAY
                + "\",\"observers\":\"镇党委\",\"branchIds\":[" + facts.ownBranchId() + "]}");
        assertThat(noTemplate.status()).isEqualTo(400);
        assertThat(noTemplate.body()).contains("templateId");
        Api.Response planned = township.post("/api/v1/observations", "{\"title\":\"全镇支部观摩\",\"visitOn\":\"" + TODAY
                + "\",\"observers\":\"镇党委书记、组织委员\",\"templateId\":" + template + ",\"branchIds\":["
                + facts.ownBranchId() + "]}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long id = planned.at("/id").asLong();
        String sheet = "/api/v1/observations/" + id + "/sheets/" + facts.ownBranchId();

        // scoring: every item within its maximum
        Api.Response tooMany = township.post(sheet, "{\"points\":[25,25]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("points[0]");
        assertThat(township.post(sheet, "{\"points\":[15]}").body()).contains("points");
        Api.Response scored = township.post(sheet, "{\"points\":[15,25],\"comment\":\"阵地规范，活动扎实\"}");
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
        assertThat(scored.at("/total").decimalValue()).isEqualByComparingTo("40");
        assertThat(secretary.post(sheet, "{\"points\":[20,30]}").status()).isEqualTo(403);
        Api.Response photo = township.multipart(sheet + "/photo", "现场.png", TestFiles.png());
        assertThat(photo.status()).as(photo.body()).isEqualTo(200);
        assertThat(township.multipart(sheet + "/photo", "x.pdf", TestFiles.pdf()).status()).isEqualTo(400);

        // before publishing the branch sees the visit but not its score
        Api.Response before = secretary.get("/api/v1/observations/" + id);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.at("/sheets/0/total").isNull() || before.at("/sheets/0/total").isMissingNode()).isTrue();
        assertThat(secretary.get(sheet + "/photo").status()).isEqualTo(404);

        // publish: announced; nothing changes afterwards; the branch sees its sheet and photo
        Api.Response published = township.post("/api/v1/observations/" + id + "/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.at("/status").asText()).isEqualTo("PUBLISHED");
        assertThat(township.post("/api/v1/observations/" + id + "/publish", "{}").status()).isEqualTo(409);
        assertThat(township.post(sheet, "{\"points\":[20,30]}").status()).isEqualTo(409);
        assertThat(announced).anySatisfy(s -> {
            assertThat(s.observationId()).isEqualTo(id);
            assertThat(s.orgId()).isEqualTo(facts.ownBranchId());
            assertThat(s.total()).isEqualByComparingTo("40");
            assertThat(s.maxTotal()).isEqualTo(50);
        });
        assertThat(observations.results(TODAY.getYear(), facts.ownBranchPath()))
                .anySatisfy(s -> assertThat(s.observationId()).isEqualTo(id));
        Api.Response after = secretary.get("/api/v1/observations/" + id);
        assertThat(after.at("/sheets/0/total").decimalValue()).isEqualByComparingTo("40");
        assertThat(after.at("/sheets/0/comment").asText()).isEqualTo("阵地规范，活动扎实");
        assertThat(Arrays.equals(secretary.bytes(sheet + "/photo"), TestFiles.png())).isTrue();

        // audited
        assertThat(as("auditor").get("/api/v1/audit?action=command.observation.score&size=5").body()).contains("40");
    }
}
