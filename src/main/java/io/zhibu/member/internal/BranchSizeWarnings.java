package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.warning.BranchSizeRule;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * R1.2 branch size facts: every active branch and joint branch (from the org module's API) with its active and full
 * member counts (one GROUP BY over the roster); temporary branches are not checked.
 */
@Component
class BranchSizeWarnings implements WarningSource {
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private final DSLContext db;
    private final OrgService orgs;

    BranchSizeWarnings(DSLContext db, OrgService orgs) {
        this.db = db;
        this.orgs = orgs;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.BRANCH_SIZE;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        var m = MEMBER_MEMBER;
        Map<Long, long[]> counts = new HashMap<>();
        db.select(m.ORG_ID, DSL.count(), DSL.count().filterWhere(m.CATEGORY.eq(io.zhibu.member.MemberCategory.FULL))).from(m)
                .where(m.EXIT_TYPE.isNull()).groupBy(m.ORG_ID)
                .forEach(r -> counts.put(r.value1(), new long[] {r.value2(), r.value3()}));
        for (Organization root : orgs.scopeRoots(SYSTEM)) {
            for (Organization b : orgs.activeIn(SYSTEM, root.id(), List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH))) {
                long[] c = counts.getOrDefault(b.id(), new long[2]);
                if (BranchSizeRule.underMinimum(b.type() == OrgType.JOINT_BRANCH, c[1], settings)) {
                    sink.accept(new WarningCandidate(WarningRule.BRANCH_SIZE, "org:" + b.id() + ":min", b.id(), b.path(),
                            null, b.name(), "UNDER_MIN", null, String.valueOf(c[1])));
                }
                if (BranchSizeRule.oversized(c[0], settings)) {
                    sink.accept(new WarningCandidate(WarningRule.BRANCH_SIZE, "org:" + b.id() + ":max", b.id(), b.path(),
                            null, b.name(), "OVERSIZED", null, String.valueOf(c[0])));
                }
            }
        }
    }
}
