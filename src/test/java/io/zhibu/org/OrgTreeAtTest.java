package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree on a past date undoes later renames and leaves out orgs founded later or dissolved earlier. */
class OrgTreeAtTest extends IntegrationTest {
    @Test
    void renamesAndDissolutionsAreUndoneForEarlierDates() {
        Api township = as("township");
        long townshipId = township.get("/api/v1/me").at("/orgId").asLong();
        Api.Response created = township.post("/api/v1/orgs", "{\"parentId\":" + townshipId
                + ",\"name\":\"历史测试联合支部\",\"type\":\"JOINT_BRANCH\",\"domain\":\"RURAL\",\"establishedOn\":\"2020-01-01\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.at("/id").asLong();
        int version = township.get("/api/v1/orgs/" + id).at("/version").asInt();
        assertThat(township.patch("/api/v1/orgs/" + id, "{\"name\":\"历史测试新名支部\",\"version\":" + version + "}").status()).isEqualTo(200);

        assertThat(names(township, LocalDate.of(2019, 6, 1))).doesNotContain("历史测试联合支部", "历史测试新名支部");
        assertThat(names(township, LocalDate.now().minusDays(1))).contains("历史测试联合支部").doesNotContain("历史测试新名支部");
        assertThat(names(township, LocalDate.now())).contains("历史测试新名支部");

        version = township.get("/api/v1/orgs/" + id).at("/version").asInt();
        assertThat(township.post("/api/v1/orgs/" + id + "/dissolve", "{\"reason\":\"测试\",\"version\":" + version + "}").status())
                .isEqualTo(200);
        assertThat(names(township, LocalDate.now())).doesNotContain("历史测试新名支部");
        assertThat(names(township, LocalDate.now().minusDays(1))).contains("历史测试联合支部");
        assertThat(new WebSession(port, "township", PASSWORD).get("/orgs/tree-at?date=" + LocalDate.now().minusDays(1)).body())
                .contains("历史测试联合支部");
    }

    private static List<String> names(Api api, LocalDate date) {
        List<String> names = new ArrayList<>();
        api.get("/api/v1/orgs/tree-at?date=" + date).json().forEach(n -> names.add(n.get("name").asText()));
        return names;
    }
}
