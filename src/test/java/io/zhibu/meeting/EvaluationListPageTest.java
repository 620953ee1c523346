package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The list of 民主评议 rounds as a township sees it: each line names its branch (a township holds one round per branch
 * and year), the member counts come from one query, and a page number past the end shows the last page, not an error.
 */
class EvaluationListPageTest extends IntegrationTest {
    @Test
    void aTownshipSeesWhoseRoundEachLineIsAndPagesThroughThem() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        String branchName = secretary.get("/api/v1/orgs/" + branch).at("/name").asText();
        int lastYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        Api.Response opened = secretary.post("/api/v1/meetings/evaluations", "{\"orgId\":" + branch + ",\"year\":" + lastYear + "}");
        assertThat(opened.status()).as(opened.body()).isIn(201, 409);

        WebSession township = new WebSession(port, "township", PASSWORD);
        WebSession.Page list = township.get("/meetings/evaluations");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(branchName).contains(String.valueOf(lastYear));
        assertThat(township.get("/meetings/evaluations?page=999").status()).isEqualTo(200);

        // the API keeps its list shape and now names the org
        var rounds = as("township").get("/api/v1/meetings/evaluations").json();
        assertThat(rounds.isArray()).isTrue();
        assertThat(rounds.findValuesAsString("orgName")).contains(branchName);
    }
}
