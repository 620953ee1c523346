package io.zhibu.learning.internal;

import io.zhibu.db.tables.records.LearningMemberRecord;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Role;

/** Who may do what in the learning module. */
public final class Access {
    private Access() {
    }

    /** Publishing materials, editing banks, entering offline training: the branch secretary and superiors. */
    public static void requireManager(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("only the branch secretary or the organization department may do this");
        }
    }

    public static void requireReader(DataScope scope) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role has no access to learning");
        }
    }

    /** Studying, playing and taking tests are a member's own acts. */
    public static long requireMember(DataScope scope) {
        if (scope.role() != Role.MEMBER || scope.selfMemberId() == null) {
            throw new ForbiddenException("only members study, play and take tests");
        }
        return scope.selfMemberId();
    }

    /** The caller's own projection row (members). */
    public static LearningMemberRecord self(LearningRepository repo, DataScope scope) {
        long id = requireMember(scope);
        return repo.member(id).filter(m -> scope.covers(m.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("member", id));
    }

    /** A member in the caller's scope (members: only themselves), else 404. */
    public static LearningMemberRecord member(LearningRepository repo, DataScope scope, long memberId) {
        requireReader(scope);
        return repo.member(memberId).filter(m -> scope.covers(m.getOrgPath()))
                .filter(m -> !scope.selfOnly() || m.getMemberId().equals(scope.selfMemberId()))
                .orElseThrow(() -> new NotFoundException("member", memberId));
    }

    /** Something published at {@code path} is readable by the scope: inside its subtree or from a superior. */
    public static boolean readable(DataScope scope, String path) {
        return scope.covers(path) || scope.orgPath().startsWith(path);
    }
}
