package io.zhibu.member;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.audit.AuditLog;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 编入党小组: puts a member into a 党小组 of their own branch (used by member development, step 19). Kept apart
 * from {@link MemberService} so the roster's main service stays unchanged.
 */
@Service
public class MemberGroups {
    private final DSLContext db;
    private final MemberService members;
    private final OrgService orgs;
    private final AuditLog audit;

    public MemberGroups(DSLContext db, MemberService members, OrgService orgs, AuditLog audit) {
        this.db = db;
        this.members = members;
        this.orgs = orgs;
        this.audit = audit;
    }

    /** Checks that {@code groupOrgId} is an active 党小组 of the branch; throws a field error on {@code field}. */
    @Transactional(readOnly = true)
    public Organization checkGroup(DataScope scope, long branchId, long groupOrgId, String field) {
        try {
            Organization g = orgs.get(scope, groupOrgId);
            if (g.type() == OrgType.PARTY_GROUP && g.active() && g.parentId() != null && g.parentId() == branchId) {
                return g;
            }
        } catch (NotFoundException e) {
            // reported below like any other wrong group
        }
        throw InvalidInputException.of(field, "dev.group.notOfBranch");
    }

    /** Whether a branch has active 党小组 (then a new member must be put into one). */
    @Transactional(readOnly = true)
    public boolean hasGroups(DataScope scope, long branchId) {
        return orgs.children(scope, branchId, false).stream().anyMatch(o -> o.type() == OrgType.PARTY_GROUP);
    }

    @Transactional
    public void assign(DataScope scope, long memberId, long groupOrgId) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot change the roster");
        }
        MemberView m = members.get(scope, memberId);
        Organization g = checkGroup(scope, m.orgId(), groupOrgId, "groupOrgId");
        int n = db.update(MEMBER_MEMBER).set(MEMBER_MEMBER.GROUP_ORG_ID, g.id())
                .set(MEMBER_MEMBER.VERSION, MEMBER_MEMBER.VERSION.plus(1))
                .set(MEMBER_MEMBER.UPDATED_AT, OffsetDateTime.now())
                .where(MEMBER_MEMBER.ID.eq(memberId).and(MEMBER_MEMBER.VERSION.eq(m.version()))).execute();
        if (n != 1) {
            throw new ConflictException("error.concurrentChange");
        }
        audit.success("member.group", "member", memberId, g.path(), "group " + g.id() + " " + g.name());
    }
}
