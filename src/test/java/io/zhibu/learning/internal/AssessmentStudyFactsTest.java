package io.zhibu.learning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 学时达标率 (R7.1, 32/56) as a branch fact: listed among the assessment facts, one value per branch, within 0–100. */
class AssessmentStudyFactsTest extends IntegrationTest {
    @Autowired
    AssessmentStudyFacts facts;

    @Test
    void hoursMetRateIsABranchFact() {
        Api township = as("township");
        DemoFacts demo = DemoFacts.discover(as("admin"), as("secretary"), township);
        assertThat(township.get("/api/v1/assessment/facts").body()).contains(AssessmentStudyFacts.HOURS_MET);
        int year = LocalDate.now().getYear();
        List<BranchFact> own = facts.collect(year, LocalDate.now(), demo.ownBranchPath());
        assertThat(own).hasSize(1);
        BranchFact f = own.getFirst();
        assertThat(f.orgId()).isEqualTo(demo.ownBranchId());
        assertThat(f.value()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        assertThat(f.detail()).contains("32", "56", "名党员学时达标");
        // a year without any hours: nobody meets the requirement
        assertThat(facts.collect(2001, LocalDate.of(2001, 12, 31), demo.ownBranchPath()))
                .allMatch(x -> x.value().signum() == 0);
    }
}
