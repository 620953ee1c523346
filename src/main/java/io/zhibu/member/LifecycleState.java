package io.zhibu.member;

import java.time.LocalDate;

/** The lifecycle-relevant part of a member record, as the rules see it. */
public record LifecycleState(MemberCategory category, MemberStanding standing, LocalDate joinedOn,
                             int probationExtensionMonths, ExitType exitType, boolean flowMember,
                             boolean lostContact, DisciplineType disciplineType, LocalDate disciplineUntil,
                             boolean inTransit) {
    public boolean exited() {
        return exitType != null;
    }
}
