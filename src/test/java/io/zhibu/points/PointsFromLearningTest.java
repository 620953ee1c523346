package io.zhibu.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.learning.LearningEvents;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** A completed study material earns points once, with its study minutes, linked to the material. */
class PointsFromLearningTest extends IntegrationTest {
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager txm;

    @Test
    void completedMaterialPostsPointsOnce() {
        Api member = as("member");
        long memberId = member.get("/api/v1/me").at("/memberId").asLong();
        long material = 900_000_000L + System.nanoTime() % 1_000_000;
        int before = member.get("/api/v1/points/me").at("/studyMinutes").asInt();
        TransactionTemplate tx = new TransactionTemplate(txm);
        for (int i = 0; i < 2; i++) { // the same fact twice
            tx.executeWithoutResult(s -> events.publishEvent(
                    new LearningEvents.MaterialCompleted(memberId, material, 20, LocalDate.now())));
        }
        JsonNode mine = member.get("/api/v1/points/me").json();
        long lines = 0;
        for (JsonNode e : mine.get("entries")) {
            if ("material".equals(e.path("linkType").asText()) && String.valueOf(material).equals(e.path("linkId").asText())) {
                lines++;
                assertThat(e.get("item").asText()).isEqualTo("MATERIAL_COMPLETED");
            }
        }
        assertThat(lines).as("posted once for one fact").isEqualTo(1);
        assertThat(mine.get("studyMinutes").asInt()).isEqualTo(before + 20);
    }
}
