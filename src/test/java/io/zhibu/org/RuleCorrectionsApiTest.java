package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 18 point 4 through the application: R1.3 in the assessment facts, §1.1 joint branch ≤5 units at creation. */
class RuleCorrectionsApiTest extends IntegrationTest {
    @Autowired
    OrgTermFacts termFacts;

    @Test
    @DisplayName("R1.3 a new joint branch with no 7 full members and only a secretary counts as committee-complete")
    void smallBranchWithASecretaryIsComplete() {
        Api county = as("county");
        DemoFacts facts = DemoFacts.discover(as("admin"), as("secretary"), as("township"));
        Api.Response created = county.post("/api/v1/orgs", "{\"parentId\":" + facts.townshipId()
                + ",\"name\":\"R1.3 测试联合支部\",\"type\":\"JOINT_BRANCH\",\"domain\":\"NON_PUBLIC\",\"hostUnitName\":\"甲公司、乙公司\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.at("/id").asLong();
        String path = created.at("/path").asText();
        Api.Response term = county.post("/api/v1/orgs/" + id + "/terms", "{\"startedOn\":\"" + LocalDate.now().minusMonths(1)
                + "\",\"termYears\":3,\"secretary\":\"张书记\"}");
        assertThat(term.status()).as(term.body()).isEqualTo(201);
        OrgTermFacts.TermFact f = termFacts.branchesUnder(path, LocalDate.now().getYear(), LocalDate.now()).get(id);
        assertThat(f.fullMembers()).isLessThan(7);
        assertThat(f.committeeComplete()).as("R1.3: no committee below 7 full members").isTrue();
        assertThat(f.secretary()).isEqualTo("张书记");
    }

    @Test
    @DisplayName("§1.1 a joint branch naming 6 units is refused with the field; 5 units are accepted")
    void jointBranchOfSixUnitsIsRefused() {
        Api county = as("county");
        DemoFacts facts = DemoFacts.discover(as("admin"), as("secretary"), as("township"));
        Api.Response six = county.post("/api/v1/orgs", "{\"parentId\":" + facts.townshipId()
                + ",\"name\":\"六单位联合支部\",\"type\":\"JOINT_BRANCH\",\"domain\":\"NON_PUBLIC\",\"hostUnitName\":\"甲、乙、丙、丁、戊、己\"}");
        assertThat(six.status()).isEqualTo(400);
        assertThat(six.body()).contains("hostUnitName").contains("5");
        Api.Response five = county.post("/api/v1/orgs", "{\"parentId\":" + facts.townshipId()
                + ",\"name\":\"五单位联合支部\",\"type\":\"JOINT_BRANCH\",\"domain\":\"NON_PUBLIC\",\"hostUnitName\":\"甲、乙、丙、丁、戊\"}");
        assertThat(five.status()).as(five.body()).isEqualTo(201);
    }
}
