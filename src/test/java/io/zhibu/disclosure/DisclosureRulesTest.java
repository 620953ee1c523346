package io.zhibu.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 三务公开 rules: who owes what (rules.md §1.5, §8.2 item 5), period arithmetic at its edges, personal data (R9.5). */
class DisclosureRulesTest {
    @Test
    void profiles() {
        assertThat(DisclosureRules.profile(OrgType.BRANCH, OrgDomain.RURAL, OrgType.COMMITTEE, OrgDomain.RURAL))
                .isEqualTo(DisclosureRules.Profile.VILLAGE);
        assertThat(DisclosureRules.profile(OrgType.GENERAL_BRANCH, OrgDomain.RURAL, OrgType.COMMITTEE, OrgDomain.RURAL))
                .isEqualTo(DisclosureRules.Profile.VILLAGE);
        // a branch under a village 总支 owes 党务 only (the 总支 publishes the village's affairs)
        assertThat(DisclosureRules.profile(OrgType.BRANCH, OrgDomain.RURAL, OrgType.GENERAL_BRANCH, OrgDomain.RURAL))
                .isEqualTo(DisclosureRules.Profile.OTHER);
        assertThat(DisclosureRules.profile(OrgType.BRANCH, OrgDomain.AGENCY, OrgType.COMMITTEE, OrgDomain.RURAL))
                .isEqualTo(DisclosureRules.Profile.OTHER);
        assertThat(DisclosureRules.profile(OrgType.COMMITTEE, OrgDomain.RURAL, null, null)).isEqualTo(DisclosureRules.Profile.NONE);
        assertThat(DisclosureRules.profile(OrgType.TEMPORARY_BRANCH, OrgDomain.RURAL, OrgType.COMMITTEE, OrgDomain.RURAL))
                .isEqualTo(DisclosureRules.Profile.NONE);
        assertThat(DisclosureRules.profile(OrgType.PARTY_GROUP, OrgDomain.RURAL, OrgType.BRANCH, OrgDomain.RURAL))
                .isEqualTo(DisclosureRules.Profile.NONE);
    }

    @Test
    void periods() {
        assertThat(DisclosureRules.key(Cadence.QUARTERLY, LocalDate.of(2026, 12, 7))).isEqualTo("2026-Q4");
        assertThat(DisclosureRules.key(Cadence.MONTHLY, LocalDate.of(2026, 1, 31))).isEqualTo("2026-01");
        assertThat(DisclosureRules.end(Cadence.QUARTERLY, "2026-Q1")).contains(LocalDate.of(2026, 3, 31));
        assertThat(DisclosureRules.start(Cadence.QUARTERLY, "2026-Q1")).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(DisclosureRules.end(Cadence.YEARLY, "2026")).contains(LocalDate.of(2026, 12, 31));
        assertThat(DisclosureRules.end(Cadence.MONTHLY, "2026-13")).isEmpty();
        assertThat(DisclosureRules.end(Cadence.QUARTERLY, "2026-11")).isEmpty();
        assertThat(DisclosureRules.end(Cadence.MONTHLY, "2026-Q1")).isEmpty();
        assertThat(DisclosureRules.end(Cadence.YEARLY, "1899")).isEmpty();
        assertThat(DisclosureRules.endingIn(Cadence.QUARTERLY, YearMonth.of(2026, 9))).contains("2026-Q3");
        assertThat(DisclosureRules.endingIn(Cadence.QUARTERLY, YearMonth.of(2026, 8))).isEmpty();
        assertThat(DisclosureRules.endingIn(Cadence.YEARLY, YearMonth.of(2026, 12))).contains("2026");
        assertThat(DisclosureRules.previous(Cadence.QUARTERLY, "2026-Q1")).isEqualTo("2025-Q4");
    }

    @Test
    void overdueAfterTheGraceDays() {
        // Q3 ends 30 Sep; with 10 grace days it is overdue from 11 Oct, not on 10 Oct (then Q2 is the last one due)
        assertThat(DisclosureRules.lastOverdue(Cadence.QUARTERLY, LocalDate.of(2026, 10, 11), 10)).isEqualTo("2026-Q3");
        assertThat(DisclosureRules.lastOverdue(Cadence.QUARTERLY, LocalDate.of(2026, 10, 10), 10)).isEqualTo("2026-Q2");
        assertThat(DisclosureRules.lastOverdue(Cadence.MONTHLY, LocalDate.of(2026, 12, 7), 10)).isEqualTo("2026-10");
        assertThat(DisclosureRules.lastOverdue(Cadence.MONTHLY, LocalDate.of(2026, 12, 11), 10)).isEqualTo("2026-11");
        assertThat(DisclosureRules.lastOverdue(Cadence.YEARLY, LocalDate.of(2027, 1, 11), 10)).isEqualTo("2026");
    }

    @Test
    void requiredHeadingsAndPersonalData() {
        assertThat(DisclosureRules.missingTopics("一、组织建设：… 三、党费收缴：…", List.of("组织建设", "党员发展", "党费收缴")))
                .containsExactly("党员发展");
        assertThat(DisclosureRules.looksPersonal("联系电话 13812345678")).isTrue();
        assertThat(DisclosureRules.looksPersonal("身份证 11010519491231002X 补贴")).isTrue();
        assertThat(DisclosureRules.looksPersonal("支出 1,380 元，凭证 20261107 号")).isFalse();
        assertThat(new DisclosureProperties(null, null, null).of(DisclosureRules.Profile.VILLAGE)).hasSize(3);
        assertThat(new DisclosureProperties(null, null, null).of(DisclosureRules.Profile.OTHER))
                .extracting(DisclosureProperties.Requirement::category).containsExactly(DisclosureCategory.PARTY);
        assertThat(new DisclosureProperties(null, null, null).grace()).isEqualTo(10);
    }
}
