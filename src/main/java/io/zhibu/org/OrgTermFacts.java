package io.zhibu.org;

import static io.zhibu.db.Tables.ORG_ELECTION;
import static io.zhibu.db.Tables.ORG_ORGANIZATION;
import static io.zhibu.db.Tables.ORG_TERM;

import io.zhibu.shared.OrgPath;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Term facts of every active branch under a subtree (rules.md §1.3, R1.8) in two set-based queries, for the
 * assessment module (§8.1: on-time 换届, committee complete, secretary vacancy). No data scope: callers pass a path they
 * have already checked against the caller's scope.
 */
@Service
public class OrgTermFacts {
    private final DSLContext db;
    private final OrgMembershipPort members;

    public OrgTermFacts(DSLContext db, OrgMembershipPort members) {
        this.db = db;
        this.members = members;
    }

    /**
     * @param termEndsOn           end of the current term (null: no term recorded)
     * @param overdue              the term has ended by {@code asOf} (or none is recorded) and no approved deferral
     *                             (R1.7) runs past {@code asOf} — 换届逾期 without approval
     * @param deferredUntil        the approved deferred deadline of the current term (R1.7/R1.8), or null
     * @param committeeComplete    R1.3: the current term has a secretary, and — when the branch has ≥7 full members —
     *                             also an organization and a propaganda member (a smaller branch has no committee)
     * @param secretaryVacantMonths months without a secretary up to {@code asOf} (0 when one is in post; 12 when no
     *                             term records the start of the vacancy)
     * @param electionsInYear      elections recorded in the year
     * @param fullMembers          正式党员 of the branch today (R1.3 threshold)
     * @param secretary            the secretary's name as recorded on the current term (R1.4 checks it), or null
     */
    public record TermFact(long orgId, LocalDate termEndsOn, boolean overdue, boolean committeeComplete,
                           int secretaryVacantMonths, int electionsInYear, LocalDate deferredUntil, long fullMembers,
                           String secretary) {
    }

    @Transactional(readOnly = true)
    public Map<Long, TermFact> branchesUnder(String subtreePath, int year, LocalDate asOf) {
        Map<Long, Integer> elections = new HashMap<>();
        for (var r : db.select(ORG_ELECTION.ORG_ID, DSL.count()).from(ORG_ELECTION)
                .where(ORG_ELECTION.ORG_PATH.ge(subtreePath), ORG_ELECTION.ORG_PATH.lt(OrgPath.upperBound(subtreePath)))
                .and(ORG_ELECTION.HELD_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .groupBy(ORG_ELECTION.ORG_ID).fetch()) {
            elections.put(r.value1(), r.value2());
        }
        List<OrgType> types = List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH);
        Map<Long, Long> full = members.fullMembersByOrg(subtreePath);
        Map<Long, TermFact> out = new HashMap<>();
        for (var r : db.select(ORG_ORGANIZATION.ID, ORG_ORGANIZATION.SECRETARY_NAME, ORG_ORGANIZATION.TERM_STARTED_ON,
                        ORG_ORGANIZATION.TERM_YEARS, ORG_TERM.STARTED_ON, ORG_TERM.ENDS_ON, ORG_TERM.SECRETARY,
                        ORG_TERM.ORGANIZATION_MEMBER, ORG_TERM.PROPAGANDA_MEMBER, ORG_ORGANIZATION.TERM_DEFERRED_UNTIL)
                .from(ORG_ORGANIZATION)
                .leftJoin(ORG_TERM).on(ORG_TERM.ORG_ID.eq(ORG_ORGANIZATION.ID), ORG_TERM.CURRENT_TERM.isTrue())
                .where(ORG_ORGANIZATION.PATH.ge(subtreePath), ORG_ORGANIZATION.PATH.lt(OrgPath.upperBound(subtreePath)))
                .and(ORG_ORGANIZATION.TYPE.in(types)).and(ORG_ORGANIZATION.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE))
                .fetch()) {
            long id = r.value1();
            LocalDate started = r.value5() != null ? r.value5() : r.value3();
            LocalDate ends = r.value6() != null ? r.value6()
                    : r.value3() != null && r.value4() != null ? r.value3().plusYears(r.value4()) : null;
            String secretary = r.value7() != null ? r.value7() : r.value2();
            boolean hasSecretary = secretary != null && !secretary.isBlank();
            long fullMembers = full.getOrDefault(id, 0L);
            boolean complete = OrgFormationRules.committeeComplete(fullMembers, hasSecretary,
                    r.value8() != null && !r.value8().isBlank(), r.value9() != null && !r.value9().isBlank());
            int vacant = hasSecretary ? 0 : started == null ? 12
                    : (int) Math.max(0, ChronoUnit.MONTHS.between(started, asOf));
            LocalDate deferred = ends != null && r.value10() != null && r.value10().isAfter(ends) ? r.value10() : null;
            LocalDate deadline = TermDeferralRules.effectiveEnd(ends, deferred);
            out.put(id, new TermFact(id, ends, deadline == null || deadline.isBefore(asOf), complete, vacant,
                    elections.getOrDefault(id, 0), deferred, fullMembers, hasSecretary ? secretary.strip() : null));
        }
        return out;
    }
}
