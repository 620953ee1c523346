package io.zhibu.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberForm;
import io.zhibu.member.MemberService;
import io.zhibu.org.OrgCommands;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgTerms;
import io.zhibu.org.OrgType;
import io.zhibu.org.TermForm;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import io.zhibu.warning.internal.SweepEngine;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The issue-18 rule corrections through the sweep: R1.4 secretary 党龄, R3.4 organization-life clock. */
class RuleCorrectionSweepTest extends IntegrationTest {
    static final DataScope ADMIN = new DataScope(0, "rule-test", Role.ADMIN, null, OrgPath.ROOT, null, null);
    @Autowired SweepEngine engine;
    @Autowired OrgService orgs;
    @Autowired OrgTerms terms;
    @Autowired MemberService members;
    @Autowired WarningQuery query;

    @Test
    @DisplayName("R1.4 a secretary with half a year of 党龄 raises the warning; replacing the secretary closes it")
    void shortTenureSecretaryIsWarned() {
        long township = as("township").get("/api/v1/me").at("/orgId").asLong();
        long branch = orgs.create(ADMIN, new OrgCommands.CreateOrg(township, "书记党龄测试支部" + UUID.randomUUID().toString().substring(0, 6),
                OrgType.BRANCH, OrgDomain.AGENCY, null, null, null, null, LocalDate.of(2015, 1, 1), null, null, List.of(), true)).id();
        LocalDate joined = LocalDate.now().minusMonths(18); // full member 6 months ago (R2.8: +1 year probation)
        String name = "党龄乙丙丁" + "甲乙丙丁戊己庚辛壬癸".charAt((int) (System.nanoTime() % 10));
        long m = members.create(ADMIN, new MemberForm(branch, name, TestIds.fresh(true), null, null, "01", null, null, null,
                null, null, MemberCategory.FULL, joined, null, null, null, null, null, null, null)).id();
        terms.openTerm(ADMIN, branch, new TermForm(LocalDate.now().minusMonths(1), 3, name, null, null, null, null));
        SweepEngine.Result r = engine.sweep(LocalDate.now(), EnumSet.of(WarningRule.SECRETARY_TENURE), "test");
        assertThat(r.failedRules()).isEmpty();
        var open = query.list(ADMIN, new WarningViews.Filter(branch, WarningRule.SECRETARY_TENURE.id(), null, null), 0, 10).items();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).memberId()).isEqualTo(m);
        // the new secretary is a long-standing member of the branch (committees are picked from the roll)
        String other = "另一位书记" + "甲乙丙丁戊己庚辛壬癸".charAt((int) (System.nanoTime() % 10));
        members.create(ADMIN, new MemberForm(branch, other, TestIds.fresh(true), null, null, "01", null, null, null,
                null, null, MemberCategory.FULL, LocalDate.now().minusYears(10), null, null, null, null, null, null, null));
        terms.openTerm(ADMIN, branch, new TermForm(LocalDate.now(), 3, other, null, null, null, null));
        engine.sweep(LocalDate.now(), EnumSet.of(WarningRule.SECRETARY_TENURE), "test");
        assertThat(query.list(ADMIN, new WarningViews.Filter(branch, WarningRule.SECRETARY_TENURE.id(), null, null), 0, 10).items()).isEmpty();
    }

    @Test
    @DisplayName("R3.4 the organization-life clock runs over the lived meetings without failing")
    void orgLifeClockSweeps() {
        SweepEngine.Result r = engine.sweep(LocalDate.now(), EnumSet.of(WarningRule.NO_ORG_LIFE), "test");
        assertThat(r.failedRules()).isEmpty();
        SweepEngine.Result again = engine.sweep(LocalDate.now(), EnumSet.of(WarningRule.NO_ORG_LIFE), "test");
        assertThat(again.opened()).isZero();
    }
}
