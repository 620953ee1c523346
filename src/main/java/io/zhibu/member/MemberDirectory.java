package io.zhibu.member;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.member.internal.MemberRepository;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.IdCardNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Small lookups other modules need (added for the dues module): display names of members, and a member by
 * full ID number through the blind index. Both limited to the caller's data scope.
 */
@Service
public class MemberDirectory {
    private final DSLContext db;
    private final MemberRepository repo;
    private final Clock clock;

    public MemberDirectory(DSLContext db, MemberRepository repo, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
    }

    /** Names of those members that lie in the scope (others are simply absent). */
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(DataScope scope, Collection<Long> memberIds) {
        if (memberIds.isEmpty() || !scope.canReadRoster()) {
            return Map.of();
        }
        return db.select(MEMBER_MEMBER.ID, MEMBER_MEMBER.NAME).from(MEMBER_MEMBER)
                .where(MEMBER_MEMBER.ID.in(memberIds)).and(MemberRepository.subtree(scope.orgPath()))
                .and(scope.selfOnly() ? MEMBER_MEMBER.ID.eq(scope.selfMemberId()) : org.jooq.impl.DSL.noCondition())
                .fetchMap(MEMBER_MEMBER.ID, MEMBER_MEMBER.NAME);
    }

    /** The member with this full ID number inside the scope, if any (payroll import matching). */
    @Transactional(readOnly = true)
    public Optional<Long> idByIdNumber(DataScope scope, String idNumber) {
        if (!scope.canManageMembers() || idNumber == null) {
            return Optional.empty();
        }
        String normalized;
        try {
            normalized = IdCardNumber.parse(idNumber.strip(), "idNumber", LocalDate.now(clock)).value();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return db.select(MEMBER_MEMBER.ID).from(MEMBER_MEMBER)
                .where(MEMBER_MEMBER.ID_NUMBER_BIDX.eq(repo.idIndex(normalized)))
                .and(MemberRepository.subtree(scope.orgPath())).fetchOptional(MEMBER_MEMBER.ID);
    }

    // --- added for the accounts (issue 15): what an account needs of its member; no roster data beyond that.

    /** A member as their account sees them: name, branch, the phone's blind index (login by mobile), status. */
    public record AccountFacts(long memberId, String name, long orgId, String orgPath, String phoneIndex,
                               boolean exited, boolean suspended) {
    }

    /** Account facts of these members (system use: provisioning inside the registering transaction). */
    @Transactional(readOnly = true)
    public java.util.List<AccountFacts> accountFacts(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.List.of();
        }
        var m = MEMBER_MEMBER;
        return db.select(m.ID, m.NAME, m.ORG_ID, m.ORG_PATH, m.PHONE_BIDX, m.EXIT_TYPE, m.STANDING).from(m)
                .where(m.ID.in(memberIds))
                .fetch(r -> new AccountFacts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() != null, r.value7() == MemberStanding.SUSPENDED));
    }

    /** Active members of a branch with exactly this name (a committee term names its secretary by name). */
    @Transactional(readOnly = true)
    public java.util.List<Long> idsNamed(long orgId, String name) {
        if (name == null || name.isBlank()) {
            return java.util.List.of();
        }
        return db.select(MEMBER_MEMBER.ID).from(MEMBER_MEMBER).where(MEMBER_MEMBER.ORG_ID.eq(orgId))
                .and(MEMBER_MEMBER.NAME.eq(name.strip())).and(MEMBER_MEMBER.EXIT_TYPE.isNull())
                .fetch(MEMBER_MEMBER.ID);
    }

    /** Every member's id, in id order (system use: provisioning the accounts of members registered before them). */
    @Transactional(readOnly = true)
    public java.util.List<Long> allIds() {
        return db.select(MEMBER_MEMBER.ID).from(MEMBER_MEMBER).orderBy(MEMBER_MEMBER.ID).fetch(MEMBER_MEMBER.ID);
    }
}
