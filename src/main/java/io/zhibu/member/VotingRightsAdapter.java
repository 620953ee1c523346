package io.zhibu.member;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.member.internal.MemberRepository;
import io.zhibu.org.VotingRightsPort;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The member side of {@link VotingRightsPort}: counts members who may vote (R1.10, R3.3) for election records. */
@Component
class VotingRightsAdapter implements VotingRightsPort {
    private final MemberRepository members;

    VotingRightsAdapter(MemberRepository members) {
        this.members = members;
    }

    @Override
    public int votersDue(long orgId, LocalDate date) {
        return (int) members.page(MEMBER_MEMBER.ORG_ID.eq(orgId).and(MEMBER_MEMBER.EXIT_TYPE.isNull()), 0, 10_000).stream()
                .filter(r -> MemberLifecycleRules.mayVote(MemberLifecycle.state(r), date)).count();
    }

    @Override
    public java.util.List<RosterEntry> roster(long orgId) {
        return members.page(MEMBER_MEMBER.ORG_ID.eq(orgId).and(MEMBER_MEMBER.EXIT_TYPE.isNull()), 0, 10_000).stream()
                .map(r -> new RosterEntry(r.getId(), r.getName())).toList();
    }
}
