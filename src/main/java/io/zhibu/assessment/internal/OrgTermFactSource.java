package io.zhibu.assessment.internal;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.org.OrgTermFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Term facts (rules.md §8.1 ← §1.3) through the org module's public {@link OrgTermFacts}: the org module cannot
 * implement the assessment port itself, as assessment already depends on org (tree and scope).
 */
@Component
class OrgTermFactSource implements BranchFactSource {
    static final String OVERDUE = "org.term_overdue";
    static final String ON_TIME = "org.election_on_time";
    static final String COMPLETE = "org.committee_complete";
    static final String VACANT = "org.secretary_vacant_months";
    private final OrgTermFacts terms;

    OrgTermFactSource(OrgTermFacts terms) {
        this.terms = terms;
    }

    @Override
    public List<FactDef> facts() {
        return List.of(new FactDef(OVERDUE, BigDecimal.ONE, "0/1", "/orgs/{orgId}/terms"),
                new FactDef(ON_TIME, BigDecimal.ZERO, "0/1", "/orgs/{orgId}/terms"),
                new FactDef(COMPLETE, BigDecimal.ZERO, "0/1", "/orgs/{orgId}/terms"),
                new FactDef(VACANT, BigDecimal.valueOf(12), "months", "/orgs/{orgId}"));
    }

    @Override
    public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
        List<BranchFact> out = new ArrayList<>();
        for (OrgTermFacts.TermFact t : terms.branchesUnder(subtreePath, year, asOf).values()) {
            String term = t.termEndsOn() == null ? "未记录任期" : "本届任期至 " + t.termEndsOn();
            out.add(new BranchFact(t.orgId(), OVERDUE, t.overdue() ? BigDecimal.ONE : BigDecimal.ZERO, term));
            out.add(new BranchFact(t.orgId(), ON_TIME, t.overdue() ? BigDecimal.ZERO : BigDecimal.ONE,
                    term + "; 本年选举 " + t.electionsInYear() + " 次"));
            out.add(new BranchFact(t.orgId(), COMPLETE, t.committeeComplete() ? BigDecimal.ONE : BigDecimal.ZERO,
                    completeDetail(t)));
            out.add(new BranchFact(t.orgId(), VACANT, BigDecimal.valueOf(t.secretaryVacantMonths()),
                    t.secretaryVacantMonths() == 0 ? "书记在岗" : "书记空缺 " + t.secretaryVacantMonths() + " 个月"));
        }
        return out;
    }

    /** R1.3: a branch under 7 full members has a secretary and no committee; the detail says which rule applied. */
    static String completeDetail(OrgTermFacts.TermFact t) {
        if (!io.zhibu.org.OrgFormationRules.needsCommittee(t.fullMembers())) {
            return t.committeeComplete() ? "正式党员 " + t.fullMembers() + " 名（不足 7 名，不设支委会），书记在岗"
                    : "正式党员 " + t.fullMembers() + " 名（不足 7 名，不设支委会），书记空缺";
        }
        return t.committeeComplete() ? "书记、组织委员、宣传委员齐全" : "正式党员 " + t.fullMembers() + " 名，应设支委会，班子不齐全";
    }
}
